import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import { companyWithTwoReaders } from '../../../test/helpers/two-readers';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import type { Store } from '../ports';
import { sendDigests } from './digest-job';
import { zonedInstant } from '../../core/calendar';
import { notify } from './notify';

// Hồ Chí Minh City is UTC+7: 08:00 local on 08/09/2026 is 01:00 UTC.
const utc = (s: string) => new Date(s);

describe.each(engines())('daily digest on %s', (engine) => {
  let database: Database;
  let store: Store;
  let lan: number;
  let john: number;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    ({ lan, john } = await companyWithTwoReaders(store));
    await store.notifications.setPreferences(lan, { reminders: 'digest' });
    await store.notifications.setPreferences(john, { reminders: 'digest', alerts: 'off' });
  });
  afterAll(() => database.close());

  const tell = (userId: number, title: string, at: string, category: 'reminders' | 'alerts' = 'reminders') =>
    notify(store, { userId, category, kind: 'reminder.before', text: () => ({ title, body: `${title} – chi tiết` }), link: '/measurement-calendar' }, utc(at));
  const mails = () => database.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'body_text']).orderBy('id').execute();

  it('knows when 08:00 local is', () => {
    expect(zonedInstant('2026-09-08', 8, 0, 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-09-08T01:00:00.000Z');
    expect(zonedInstant('2026-01-15', 8, 0, 'Europe/Paris').toISOString()).toBe('2026-01-15T07:00:00.000Z');
  });

  it('sends one e-mail per user a day at 08:00 with what came in before, in their language; later items wait for tomorrow', async () => {
    await tell(lan, 'Nhắc hạn A', '2026-09-07T03:00:00Z'); // 10:00 local on the 7th
    await tell(lan, 'Nhắc hạn B', '2026-09-08T00:30:00Z'); // 07:30 local on the 8th
    await tell(john, 'Reminder C', '2026-09-08T00:40:00Z');
    await tell(john, 'Alert off', '2026-09-08T00:41:00Z', 'alerts'); // 'off': in the bell only, never e-mailed
    await tell(lan, 'Nhắc hạn D', '2026-09-08T01:30:00Z'); // 08:30 local: tomorrow's digest

    expect(await sendDigests({ store, now: utc('2026-09-08T00:59:00Z') })).toBe(0);
    expect(await sendDigests({ store, now: utc('2026-09-08T01:00:00Z') })).toBe(2);
    expect(await sendDigests({ store, now: utc('2026-09-08T02:00:00Z') })).toBe(0);

    const [vi, en] = await mails();
    expect([vi!.to_address, vi!.subject]).toEqual(['lan@minhan.vn', 'OpenKPI: bản tin tổng hợp ngày 08/09/2026 (2 thông báo)']);
    expect(vi!.body_text).toContain('Nhắc hạn A\nNhắc hạn A – chi tiết\nMở trong OpenKPI: /measurement-calendar');
    expect(vi!.body_text).toContain('Nhắc hạn B');
    expect(vi!.body_text).not.toContain('Nhắc hạn D');
    expect([en!.to_address, en!.subject]).toEqual(['john@minhan.vn', 'OpenKPI: digest for 08/09/2026 (1 notification)']);
    expect(en!.body_text).not.toContain('Alert off');

    expect(await sendDigests({ store, now: utc('2026-09-09T01:00:00Z') })).toBe(1);
    const next = (await mails())[2]!;
    expect([next.to_address, next.subject]).toEqual(['lan@minhan.vn', 'OpenKPI: bản tin tổng hợp ngày 09/09/2026 (1 thông báo)']);
    expect(next.body_text).toContain('Nhắc hạn D');
    expect(await mails()).toHaveLength(3);
  });
});
