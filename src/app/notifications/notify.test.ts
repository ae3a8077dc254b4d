import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import type { Store } from '../ports';
import { notify, type Notice } from './notify';

const AT = new Date('2026-03-10T02:00:00Z');

const redAlert = (userId: number, key = 'kpi.red|DT|company|2026-02'): Notice => ({
  userId,
  category: 'alerts',
  kind: 'kpi.red',
  text: (lang) =>
    lang === 'vi'
      ? { title: 'KPI Doanh thu màu đỏ tháng 02/2026', body: 'Đạt 72% chỉ tiêu.' }
      : { title: 'KPI Revenue is red for 02/2026', body: 'At 72% of target.' },
  link: '/kpis/DT',
  dedupeKey: key,
  event: { name: 'kpi.red', payload: { kpi: 'DT', period: '2026-02' } },
});

describe.each(engines())('notify on %s', (engine) => {
  let database: Database;
  let store: Store;
  let vi: number;
  let en: number;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    vi = (await store.users.create({ email: 'lan@example.vn', name: 'Lan', passwordHash: 'x', role: 'employee', locale: 'vi' })).id;
    en = (await store.users.create({ email: 'john@example.com', name: 'John', passwordHash: 'x', role: 'employee', locale: 'en' })).id;
    await store.webhooks.create({ name: 'chat', url: 'http://127.0.0.1:9/hook', secret: 's'.repeat(16), events: ['kpi.red'], active: true });
    await store.webhooks.create({ name: 'off', url: 'http://127.0.0.1:9/off', secret: 's'.repeat(16), events: ['kpi.red'], active: false });
    await store.webhooks.create({ name: 'other', url: 'http://127.0.0.1:9/other', secret: 's'.repeat(16), events: ['cycle.locked'], active: true });
  });
  afterAll(() => database.close());

  const outbox = () => database.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'body_text', 'body_html']).orderBy('id').execute();
  const deliveries = () => database.db.selectFrom('webhook_deliveries').select(['webhook_id', 'event', 'payload']).orderBy('id').execute();

  it('writes the bell entry and the e-mail in the recipient language, once per dedupe key, and queues the subscribed webhook', async () => {
    expect(await notify(store, redAlert(vi), AT)).toBe(true);
    expect(await notify(store, redAlert(vi), AT)).toBe(false);
    expect(await notify(store, redAlert(en), AT)).toBe(true);

    const bell = await store.notifications.list(vi, { unreadOnly: true, limit: 10 });
    expect(bell.map((n) => [n.title, n.body, n.link])).toEqual([['KPI Doanh thu màu đỏ tháng 02/2026', 'Đạt 72% chỉ tiêu.', '/kpis/DT']]);
    expect((await store.notifications.list(en, { unreadOnly: false, limit: 10 }))[0]!.title).toBe('KPI Revenue is red for 02/2026');

    const mails = await outbox();
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      ['lan@example.vn', 'KPI Doanh thu màu đỏ tháng 02/2026'],
      ['john@example.com', 'KPI Revenue is red for 02/2026'],
    ]);
    expect(mails[0]!.body_text).toContain('Đạt 72% chỉ tiêu.');
    expect(mails[0]!.body_text).toContain('Mở trong OpenKPI: /kpis/DT');
    expect(mails[1]!.body_html).toContain('<a href="/kpis/DT">Open in OpenKPI</a>');

    // one delivery per notice, only to the active webhook subscribed to kpi.red (webhook 1)
    expect((await deliveries()).map((d) => [d.webhook_id, d.event, d.payload])).toEqual([
      [1, 'kpi.red', { kpi: 'DT', period: '2026-02' }],
      [1, 'kpi.red', { kpi: 'DT', period: '2026-02' }],
    ]);
  });

  it('follows the preference: off = bell only, digest = bell now and e-mail left for the digest', async () => {
    await store.notifications.setPreferences(vi, { alerts: 'off' });
    await store.notifications.setPreferences(en, { alerts: 'digest' });
    const before = (await outbox()).length;
    expect(await notify(store, redAlert(vi, 'k2'), AT)).toBe(true);
    expect(await notify(store, redAlert(en, 'k2'), AT)).toBe(true);
    expect((await outbox()).length).toBe(before);
    expect(await store.notifications.unreadCount(vi)).toBe(2);

    // only John's digest notification waits for the digest
    const waiting = await store.notifications.undigested(new Date('2030-01-01'), 10);
    expect(waiting.map((w) => [w.userId, w.title])).toEqual([[en, 'KPI Revenue is red for 02/2026']]);
  });

  it('runs in the caller transaction: a rollback leaves nothing behind', async () => {
    const counts = async () => [(await outbox()).length, (await deliveries()).length, await store.notifications.unreadCount(en)];
    const before = await counts();
    await store.notifications.setPreferences(en, { alerts: 'immediate' });
    await expect(
      store.transaction(async (tx) => {
        await notify(tx, redAlert(en, 'k3'), AT);
        throw new Error('caller fails');
      }),
    ).rejects.toThrow('caller fails');
    expect(await counts()).toEqual(before);
  });
});
