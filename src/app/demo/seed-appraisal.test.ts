import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { seedDemo } from './seed-demo';

describe.each(engines())('demo people performance on %s', (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    await seedDemo(createStore(database.db), { today: '2026-11-15' });
  }, 120_000);
  afterAll(() => database.close());

  it('has a bonus rule, the sales staff template and the current quarter in the track phase', async () => {
    const store = createStore(database.db);
    expect(await store.appraisal.setup.bonusRules.list()).toMatchObject([{ effectiveFrom: '2025-01-01', rate: 1, coefficients: { A: 1.5, B: 1.2, C: 1, D: 0.5 }, roundStep: 1000 }]);
    const [template] = await store.appraisal.setup.templates.list();
    expect(template).toMatchObject({ code: 'NV-KINH-DOANH', positionName: 'Nhân viên kinh doanh', sheets: 8 });
    expect(template!.groups.map((g) => [g.code, g.weight, g.items.map((i) => i.code)])).toEqual([
      ['output', 60, ['REVENUE', 'ORDERS']],
      ['behavior', 20, ['DISCIPLINE', 'CUSTOMER_CARE']],
      ['competency', 20, ['PRODUCT', 'NEGOTIATION']],
    ]);
    expect(await store.appraisal.setup.cycles.list()).toMatchObject([{ code: '2026-Q4', name: 'Đánh giá KPI quý 4/2026', phase: 'track', startsOn: '2026-10-01', endsOn: '2026-12-31' }]);
  });

  it('assigns the 8 salespeople of KD-MB (not the team lead), their own quarter targets proposed', async () => {
    const rows = (
      await sql<{ email: string; code: string; target: string | null; target_status: string }>`
        SELECT p.email, i.code, i.target, i.target_status FROM appraisal_items i
        JOIN appraisal_sheets s ON s.id = i.sheet_id JOIN people p ON p.id = s.person_id
        WHERE i.kind = 'kpi' ORDER BY p.id, i.sort`.execute(database.db)
    ).rows;
    expect(new Set(rows.map((r) => r.email)).size).toBe(8);
    expect(rows.some((r) => r.email === 'lan.hoang@minhan.vn')).toBe(false);
    expect(rows.every((r) => r.target_status === 'proposed')).toBe(true);
    // Revenue: 3 × 9.5 tỷ = 28.5 tỷ over 8 in whole millions → four 3,563 and four 3,562 million (sum exact).
    const revenue = rows.filter((r) => r.code === 'REVENUE').map((r) => Number(r.target));
    expect([...revenue].sort()).toEqual([3_562e6, 3_562e6, 3_562e6, 3_562e6, 3_563e6, 3_563e6, 3_563e6, 3_563e6]);
    // Orders: the team's 52 % of 240 a month is 125 (largest remainder), 375 a quarter → seven 47 and one 46.
    const orders = rows.filter((r) => r.code === 'ORDERS').map((r) => Number(r.target));
    expect([...orders].sort()).toEqual([46, 47, 47, 47, 47, 47, 47, 47]);
  });
});
