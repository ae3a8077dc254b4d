import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/api';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { generateCompany } from '../demo/generate/generate-company';
import { SYSTEM_ACTOR } from '../actor';
import { getScorecard } from '../evaluation/scorecard';
import { sendRedAlerts } from './red-alerts-job';

/**
 * RA_REV (owner: nhanvien@minhan.vn), May 2026:
 *   company 700 of 1.000 → 70 % → red (below 80 %);  unit KD-MB 90 of 100 → 90 % → amber;  unit MKT 50 of 100 → 50 % → red.
 * So on 01/06/2026 from 09:00 (Hồ Chí Minh City) the owner gets two alerts, once each.
 */
describe.each(engines())('red-status alerts on %s', (engine) => {
  let t: TestApp;
  let ownerUserId: number;
  const unit: Record<string, { id: number; name: string }> = {};

  beforeAll(async () => {
    t = await startTestApp(engine);
    const admin = await t.as('admin@minhan.vn');
    for (const u of (await admin.get('/api/org-units')).json().items as { id: number; code: string; name: string }[]) unit[u.code] = u;
    const owner = (await t.store.people.findByEmails(['nhanvien@minhan.vn']))[0]!;
    ownerUserId = owner.userId!;
    const created = await admin.post('/api/kpis', {
      code: 'RA_REV', name: 'Doanh thu cảnh báo', nameEn: 'Alert revenue', level: 'operational', perspective: 'financial', unit: 'VND',
      direction: 'increase', aggregation: 'sum', frequency: 'monthly', source: 'manual', ownerId: owner.id, measurerId: null,
      reportWithinDays: 5, baseline: null, parents: [], tags: [], status: 'active', targets: [{ period: '2026', value: 12000 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const slots: [unknown, number, number][] = [
      [{ type: 'company', id: null }, 1000, 700],
      [{ type: 'unit', id: unit['KD-MB']!.id }, 100, 90],
      [{ type: 'unit', id: unit.MKT!.id }, 100, 50],
    ];
    for (const [scope, target, value] of slots) {
      expect((await admin.put('/api/kpis/RA_REV/targets', { scope, targets: [{ period: '2026-05', value: target }] })).statusCode).toBe(200);
      expect((await admin.post('/api/kpis/RA_REV/checkins', { period: '2026-05', scope, value })).statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  const mine = async () =>
    (await t.store.notifications.list(ownerUserId, { unreadOnly: false, limit: 100 })).filter((n) => n.link === '/kpis/RA_REV').map((n) => [n.title, n.body]);

  it('waits for 09:00 local time, then tells the owner once per red scope of the last completed month', async () => {
    await sendRedAlerts({ store: t.store, now: new Date('2026-06-01T01:59:00Z') }); // 08:59 local
    expect(await mine()).toEqual([]);

    await sendRedAlerts({ store: t.store, now: new Date('2026-06-01T02:00:00Z') });
    await sendRedAlerts({ store: t.store, now: new Date('2026-06-01T05:00:00Z') }); // a later tick: nothing twice
    expect((await mine()).sort()).toEqual(
      [
        ['KPI Doanh thu cảnh báo màu đỏ kỳ 05/2026 (toàn công ty)', 'Thực hiện 700 so với chỉ tiêu 1.000: tỷ lệ hoàn thành 70%. Hãy ghi nguyên nhân không đạt và kế hoạch hành động.'],
        [`KPI Doanh thu cảnh báo màu đỏ kỳ 05/2026 (${unit.MKT!.name})`, 'Thực hiện 50 so với chỉ tiêu 100: tỷ lệ hoàn thành 50%. Hãy ghi nguyên nhân không đạt và kế hoạch hành động.'],
      ].sort(),
    );
    const mails = await t.database.db.selectFrom('mail_outbox').select('subject').where('subject', 'like', '%Doanh thu cảnh báo%').execute();
    expect(mails).toHaveLength(2);
  });
});

describe.each(engines())('red-status alerts over a generated company on %s', (engine) => {
  let database: Database;
  let period: string;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    period = (await generateCompany(database, { people: 60, years: 1, orders: 10 })).period;
    // Generated KPIs have no owner: give each one the login of a person, spread over the unit heads.
    await sql`UPDATE kpis SET owner_id = (SELECT p.id FROM people p JOIN users u ON u.id = p.user_id WHERE u.role = 'manager' ORDER BY p.id OFFSET (kpis.id % 3) LIMIT 1)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('alerts exactly the red items of the company and of every unit scorecard, once', async () => {
    const store = createStore(database.db);
    const now = new Date(`${nextMonthStart(period)}T03:00:00Z`); // 10:00 in Hồ Chí Minh City, the day after the period
    // The job evaluates all units at once; here each scope's scorecard is asked for one by one, as a user would.
    const kpis = await store.kpis.list({ status: 'active' });
    const units = (await store.units.list()).filter((u) => !u.archived);
    const expected: string[] = [];
    for (const s of [{ scope: { type: 'company', id: null } as const, key: 'company' }, ...units.map((u) => ({ scope: { type: 'unit', id: u.id } as const, key: `unit:${u.code}` }))]) {
      const card = await getScorecard(store, SYSTEM_ACTOR, { period, scope: s.scope, now });
      for (const item of card.items.filter((i) => i.status === 'red')) {
        const owner = await store.people.findById(kpis.find((k) => k.code === item.code)!.ownerId!);
        expected.push(`${owner!.userId}|kpi.red|${item.code}|${s.key}|${period}`);
      }
    }
    expect(expected.length).toBeGreaterThan(5);
    expect(await sendRedAlerts({ store, now })).toBe(expected.length);
    const keys = await database.db.selectFrom('notifications').select(['user_id', 'dedupe_key']).where('kind', '=', 'kpi.red').execute();
    expect(keys.map((k) => `${k.user_id}|${k.dedupe_key}`).sort()).toEqual(expected.sort());
    // A later pass finds every notice given and sends nothing.
    expect(await sendRedAlerts({ store, now: new Date(now.getTime() + 3_600_000) })).toBe(0);
  });
});

function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
