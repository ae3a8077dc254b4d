import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import { companyWithTwoReaders } from '../../../test/helpers/two-readers';
import { freePort } from '../../../test/process/spawn-server';
import { startSmtpServer } from '../../../test/helpers/smtp-server';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { notify } from '../notifications/notify';
import type { Store } from '../ports';
import { deliverMail } from './job';

const T0 = new Date('2026-09-08T02:00:00Z'); // 09:00 in Hồ Chí Minh City
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe.each(engines())('mail job on %s', (engine) => {
  let database: Database;
  let store: Store;
  let lan: number;
  let john: number;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    ({ lan, john } = await companyWithTwoReaders(store));
  });
  afterAll(() => database.close());

  const outbox = () => database.db.selectFrom('mail_outbox').select(['id', 'status', 'attempts', 'next_attempt_at', 'last_error']).orderBy('id').execute();
  const lateNotice = (userId: number) =>
    notify(
      store,
      {
        userId,
        category: 'reminders',
        kind: 'reminder.late',
        text: (lang) =>
          lang === 'vi'
            ? { title: 'Trễ hạn báo cáo KPI Doanh thu tháng 08/2026', body: 'Hạn báo cáo là 05/09/2026. Vui lòng cập nhật kết quả.' }
            : { title: 'Late: KPI Revenue for 08/2026', body: 'The reporting deadline was 05/09/2026. Please check in the actual.' },
        link: '/kpis/DT_THANG',
      },
      T0,
    );

  it('keeps mails pending while no SMTP server is configured', async () => {
    await lateNotice(lan);
    await lateNotice(john);
    expect(await deliverMail({ store, now: T0 })).toEqual({ sent: 0, failed: 0 });
    expect((await outbox()).map((m) => [m.status, m.attempts])).toEqual([['pending', 0], ['pending', 0]]);
  });

  it('retries with backoff while the server refuses, then delivers everything once it is back, in each language', async () => {
    const port = await freePort();
    await store.mail.saveSettings({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'OpenKPI Minh An <kpi@minhan.vn>' });

    expect(await deliverMail({ store, now: T0 })).toEqual({ sent: 0, failed: 2 });
    let rows = await outbox();
    expect(rows.map((m) => [m.status, m.attempts, new Date(m.next_attempt_at).toISOString()])).toEqual([
      ['pending', 1, minutes(1).toISOString()],
      ['pending', 1, minutes(1).toISOString()],
    ]);
    expect(rows[0]!.last_error).toContain('ECONNREFUSED');

    // not due yet: nothing is tried
    expect(await deliverMail({ store, now: minutes(0.5) })).toEqual({ sent: 0, failed: 0 });
    // second failure at +1 min → next at +1+5 = +6 min
    expect(await deliverMail({ store, now: minutes(1) })).toEqual({ sent: 0, failed: 2 });
    rows = await outbox();
    expect(rows.map((m) => [m.attempts, new Date(m.next_attempt_at).toISOString()])).toEqual([
      [2, minutes(6).toISOString()],
      [2, minutes(6).toISOString()],
    ]);

    const smtp = await startSmtpServer({ port });
    try {
      expect(await deliverMail({ store, now: minutes(6) })).toEqual({ sent: 2, failed: 0 });
      expect((await outbox()).map((m) => m.status)).toEqual(['sent', 'sent']);
      expect(smtp.received).toHaveLength(2);
      const [vi, en] = smtp.received;
      expect(vi!.from).toBe('kpi@minhan.vn');
      expect(vi!.to).toEqual(['lan@minhan.vn']);
      expect(vi!.subject).toBe('Trễ hạn báo cáo KPI Doanh thu tháng 08/2026');
      expect(vi!.text).toContain('Hạn báo cáo là 05/09/2026. Vui lòng cập nhật kết quả.');
      expect(vi!.text).toContain('Mở trong OpenKPI: /kpis/DT_THANG');
      expect(vi!.html).toContain('Hạn báo cáo là 05/09/2026');
      expect(en!.to).toEqual(['john@minhan.vn']);
      expect(en!.subject).toBe('Late: KPI Revenue for 08/2026');
      expect(en!.text).toContain('The reporting deadline was 05/09/2026. Please check in the actual.');
      expect(en!.text).toContain('Open in OpenKPI: /kpis/DT_THANG');
      // sent is sent: a later run sends nothing again
      expect(await deliverMail({ store, now: minutes(60) })).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });

  it('sends an attachment and marks a mail failed after 10 attempts (1, 5, 25, 125 min, then 6 h apart)', async () => {
    await store.mail.enqueue(
      { to: 'lan@minhan.vn', subject: 'Báo cáo', text: 'Đính kèm', html: null, attachment: { name: 'thẻ-điểm.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 x') } },
      T0,
    );
    const smtp = await startSmtpServer();
    try {
      await store.mail.saveSettings({ smtpUrl: smtp.url, mailFrom: null });
      expect(await deliverMail({ store, now: T0 })).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received[0]!.attachments).toEqual([{ filename: 'thẻ-điểm.pdf', contentType: 'application/pdf', size: 10 }]);
    } finally {
      await smtp.close();
    }

    await store.mail.enqueue({ to: 'john@minhan.vn', subject: 'Never', text: 'x', html: null }, T0);
    await store.mail.saveSettings({ smtpUrl: `smtp://127.0.0.1:${await freePort()}`, mailFrom: null });
    const delays = [1, 5, 25, 125, 360, 360, 360, 360, 360];
    let at = T0;
    for (const delay of delays) {
      expect(await deliverMail({ store, now: at })).toEqual({ sent: 0, failed: 1 });
      at = new Date(at.getTime() + delay * 60_000);
    }
    expect(await deliverMail({ store, now: at })).toEqual({ sent: 0, failed: 1 });
    const last = (await outbox()).at(-1)!;
    expect([last.status, last.attempts]).toEqual(['failed', 10]);
    expect(await store.mail.counts()).toEqual({ pending: 0, failed: 1, sent: 3 });
  });
});
