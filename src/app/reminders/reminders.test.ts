import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import { startSmtpServer } from '../../../test/helpers/smtp-server';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { deliverMail } from '../mail/job';
import type { Store, TargetScope } from '../ports';
import { sendDueReminders, type SentReminder } from './send';
import { buildReminderWorld } from './test-world';

// 09:00 in Hồ Chí Minh City is 02:00 UTC.
const at = (day: string, time = '02:00') => new Date(`${day}T${time}:00Z`);
const sorted = (list: SentReminder[]) => [...list].sort((a, b) => `${a.kpi}${a.to}${a.stage}`.localeCompare(`${b.kpi}${b.to}${b.stage}`));

describe.each(engines())('reminders over the stages of one deadline on %s', (engine) => {
  let database: Database;
  let store: Store;
  let world: Awaited<ReturnType<typeof buildReminderWorld>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    world = await buildReminderWorld(store);
    smtp = await startSmtpServer();
    await store.mail.saveSettings({ smtpUrl: smtp.url, mailFrom: 'OpenKPI <kpi@minhan.vn>' });
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  /** One tick as of `now`: the reminders due, then the e-mails they queued. */
  async function tick(now: Date): Promise<SentReminder[]> {
    const sent = await sendDueReminders(store, now);
    await deliverMail({ store, now });
    return sorted(sent);
  }
  const enter = (kpiId: number, scope: TargetScope, value: number) =>
    store.actuals.upsert([{ kpiId, ...world.august, scope, value, source: 'checkin', late: false }], { userId: null, name: 'test' });

  it('measurer gets before, then late; the manager escalation; a value entered stops the rest; e-mails in vi and en', async () => {
    // 03/09 08:59: only SO_DON's before (due Thu 28/08 09:00, its deadline Wed 03/09 not over) to Hà, its owner
    expect(await tick(at('2025-09-03', '01:59'))).toEqual([{ to: 'ha@minhan.vn', kpi: 'SO_DON', period: '2025-08', stage: 'before' }]);
    // 03/09 09:00: DT_THANG's before to Lan, for the unit scope and for her own
    expect(await tick(at('2025-09-03'))).toEqual([
      { to: 'lan@minhan.vn', kpi: 'DT_THANG', period: '2025-08', stage: 'before' },
      { to: 'lan@minhan.vn', kpi: 'DT_THANG', period: '2025-08', stage: 'before' },
    ]);
    expect(await tick(at('2025-09-03', '02:01'))).toEqual([]); // claimed: never twice
    // Thu 04/09: SO_DON is late (deadline Wed 03/09)
    expect(await tick(at('2025-09-04'))).toEqual([{ to: 'ha@minhan.vn', kpi: 'SO_DON', period: '2025-08', stage: 'late' }]);
    // Lan enters the unit's value on Friday 05/09 (on time); SO_DON escalates to Hà's manager Minh
    await enter(world.dt, world.unitScope, 1_050_000_000);
    expect(await tick(at('2025-09-05'))).toEqual([{ to: 'minh@minhan.vn', kpi: 'SO_DON', period: '2025-08', stage: 'escalation' }]);
    // Sat 06/09, Sun 07/09: nothing; Mon 08/09: DT_THANG late, only for Lan's own scope (the unit's value is in)
    expect(await tick(at('2025-09-06'))).toEqual([]);
    expect(await tick(at('2025-09-08'))).toEqual([{ to: 'lan@minhan.vn', kpi: 'DT_THANG', period: '2025-08', stage: 'late' }]);
    // Tue 09/09: escalation to Lan's manager Hà; SO_DON's escalation-2 has nobody (Minh has no manager)
    expect(await tick(at('2025-09-09'))).toEqual([{ to: 'ha@minhan.vn', kpi: 'DT_THANG', period: '2025-08', stage: 'escalation' }]);
    // Lan enters her value on Wed 10/09: escalation-2 on Thu 11/09 does not go to Minh
    await enter(world.dt, world.lanScope, 320_000_000);
    expect(await tick(at('2025-09-11'))).toEqual([]);
    expect(await tick(at('2025-09-20'))).toEqual([]);

    // the bell: Lan's late notice in Vietnamese, Hà's escalation in English (her language)
    const bell = await database.db.selectFrom('notifications').select(['user_id', 'kind', 'title', 'body', 'link']).orderBy('id').execute();
    expect(bell.map((n) => n.kind)).toEqual([
      'reminder.before',
      'reminder.before',
      'reminder.before',
      'reminder.late',
      'reminder.escalation',
      'reminder.late',
      'reminder.escalation',
    ]);
    const lanLate = bell.find((n) => n.user_id === world.users.lan && n.kind === 'reminder.late')!;
    expect(lanLate.title).toBe('Quá hạn: DT_THANG – Doanh thu tháng kỳ 2025-08');
    expect(lanLate.body).toBe(
      'Kết quả thực hiện của DT_THANG – Doanh thu tháng, kỳ 2025-08 (Nguyễn Thị Lan) đến hạn ngày 05/09/2025 nhưng chưa được nhập. Vui lòng nhập ngay.',
    );
    expect(lanLate.link).toBe('/calendar');
    const haEscalation = bell.find((n) => n.user_id === world.users.ha && n.kind === 'reminder.escalation')!;
    expect(haEscalation.title).toBe('Not measured: DT_THANG – Monthly revenue for 2025-08');
    expect(haEscalation.body).toBe('Nguyễn Thị Lan has not entered the actual of DT_THANG – Monthly revenue, period 2025-08 (Nguyễn Thị Lan), due on 05/09/2025.');

    // real e-mails at the local SMTP server: one per reminder, to the recipient, in their language
    expect(smtp.received.map((m) => [m.to.join(','), m.subject])).toEqual([
      ['ha@minhan.vn', 'Due soon: SO_DON – Orders for 2025-08'],
      ['lan@minhan.vn', 'Sắp đến hạn: DT_THANG – Doanh thu tháng kỳ 2025-08'],
      ['lan@minhan.vn', 'Sắp đến hạn: DT_THANG – Doanh thu tháng kỳ 2025-08'],
      ['ha@minhan.vn', 'Late: SO_DON – Orders for 2025-08'],
      ['minh@minhan.vn', 'Chưa nhập số liệu: SO_DON – Số đơn hàng kỳ 2025-08'],
      ['lan@minhan.vn', 'Quá hạn: DT_THANG – Doanh thu tháng kỳ 2025-08'],
      ['ha@minhan.vn', 'Not measured: DT_THANG – Monthly revenue for 2025-08'],
    ]);
    const lanMail = smtp.received[5]!;
    expect(lanMail.from).toBe('kpi@minhan.vn');
    expect(lanMail.text).toContain('đến hạn ngày 05/09/2025 nhưng chưa được nhập');
    expect(lanMail.text).toContain('Mở trong OpenKPI: /calendar');
    const minhMail = smtp.received[4]!;
    expect(minhMail.text).toContain('Lê Thu Hà chưa nhập kết quả thực hiện của SO_DON – Số đơn hàng, kỳ 2025-08 (Kinh doanh miền Bắc), hạn ngày 03/09/2025.');
    expect(smtp.received[6]!.text).toContain('Nguyễn Thị Lan has not entered the actual of DT_THANG – Monthly revenue, period 2025-08 (Nguyễn Thị Lan), due on 05/09/2025.');
    expect(smtp.received[6]!.text).toContain('Open in OpenKPI: /calendar');
  });

  it('does not chase deadlines more than 30 days old', async () => {
    // forget what was sent: only the 30-day window keeps old deadlines quiet now
    await database.db.deleteFrom('reminder_log').execute();
    // Fri 03/10/2025 is 30 days after SO_DON's deadline 03/09 (no value yet): its late and escalation are due again
    // (before is over: the deadline day has ended); DT_THANG has both values in
    expect(await tick(at('2025-10-03'))).toEqual([
      { to: 'ha@minhan.vn', kpi: 'SO_DON', period: '2025-08', stage: 'late' },
      { to: 'minh@minhan.vn', kpi: 'SO_DON', period: '2025-08', stage: 'escalation' },
    ]);
    await database.db.deleteFrom('reminder_log').execute();
    // Mon 06/10/2025 is 33 days after it: nothing
    expect(await tick(at('2025-10-06'))).toEqual([]);
  });
});
