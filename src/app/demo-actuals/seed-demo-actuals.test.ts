import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import { parsePeriod } from '../../core/period';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { SYSTEM_ACTOR } from '../actor';
import { getScorecard } from '../evaluation';
import type { KpiWrite, Store, TargetScope } from '../ports';
import { generateDemoHistory, seedDemoActuals } from '.';

const B = 1e9;
const base: Omit<KpiWrite, 'code' | 'name' | 'direction' | 'aggregation' | 'unit'> = {
  level: 'strategic',
  perspective: 'financial',
  frequency: 'monthly',
  source: 'manual',
  ownerId: null,
  measurerId: null,
  reportWithinDays: 5,
  baseline: null,
  tags: [],
  status: 'active',
};
const company: TargetScope = { type: 'company', id: null };
const target = (kpiId: number, key: string, value: number, scope: TargetScope = company) => {
  const p = parsePeriod(key);
  return { kpiId, period: p.key, kind: p.kind, start: p.start, end: p.end, scope, value };
};

describe.each(engines())('demo actuals on %s', (engine) => {
  let database: Database;
  let store: Store;
  const ids: Record<string, number> = {};
  const units: Record<string, number> = {};

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    const root = await store.units.create({ code: 'MA', name: 'Công ty', parentId: null });
    for (const code of ['KD-MB', 'KD-MN']) units[code] = (await store.units.create({ code, name: code, parentId: root.id })).id;
    // Sorted by code: CMP (×1.04), CONV (×0.93), NPS (×1.08), REVENUE (×0.78 → misses).
    ids.REVENUE = await store.kpis.create({ ...base, code: 'REVENUE', name: 'Doanh thu', direction: 'increase', aggregation: 'sum', unit: 'VND' });
    ids.CONV = await store.kpis.create({ ...base, code: 'CONV', name: 'Tỷ lệ chốt đơn', direction: 'increase', aggregation: 'ratio', unit: '%' });
    ids.CMP = await store.kpis.create({ ...base, code: 'CMP', name: 'Khiếu nại', direction: 'decrease', aggregation: 'sum', unit: 'count' });
    ids.NPS = await store.kpis.create({ ...base, code: 'NPS', name: 'Điểm hài lòng', direction: 'increase', aggregation: 'avg', unit: 'score', frequency: 'quarterly' });
    await store.targets.upsert([
      target(ids.REVENUE, '2026', 240 * B),
      target(ids.REVENUE, '2026', 100 * B, { type: 'unit', id: units['KD-MB']! }),
      target(ids.REVENUE, '2026', 140 * B, { type: 'unit', id: units['KD-MN']! }),
      target(ids.CONV, '2026', 0.3),
      ...['2026-01', '2026-02', '2026-03'].map((m) => target(ids.CMP!, m, 10)),
      target(ids.NPS, '2026', 4.5),
    ]);
  });
  afterAll(() => database.close());

  it('writes 2025 targets that add up, then monthly actuals up to the month before today', async () => {
    const result = await seedDemoActuals(store, { today: '2026-03-15' });
    // 2025-01 … 2026-02 = 14 months: REVENUE company + 2 units, CONV, CMP = 5 × 14 = 70; NPS quarterly 2025-Q1 … 2025-Q4 = 4.
    expect(result.actuals).toBe(74);
    const rev2025 = await store.targets.list({ kpiId: ids.REVENUE, scope: company, from: '2025-01-01', to: '2025-12-31' });
    // 240 tỷ ÷ 1,15 = 208.695.652.173,9 → rounded to whole millions: 208.696.000.000.
    expect(rev2025.find((t) => t.period === '2025')!.value).toBe(208_696_000_000);
    const months = rev2025.filter((t) => t.period.length === 7);
    expect(months).toHaveLength(12);
    expect(months.reduce((s, t) => s + t.value, 0)).toBe(208_696_000_000);
    // Seasonal weights 10, 6, 8 … 11: February (Tết) lowest, December highest.
    const value = (m: string) => months.find((t) => t.period === m)!.value;
    expect(value('2025-02')).toBeLessThan(value('2025-03'));
    expect(value('2025-12')).toBeGreaterThan(value('2025-01'));
    // CMP (2026 months only, no year): each month 10 × 1,1 = 11; CONV year 0,3 × 0,95 = 0,285.
    expect((await store.targets.list({ kpiId: ids.CMP, scope: company, from: '2025-01-01', to: '2025-12-31' })).map((t) => [t.period, t.value])).toEqual([
      ['2025-01', 11],
      ['2025-02', 11],
      ['2025-03', 11],
    ]);
    expect((await store.targets.list({ kpiId: ids.CONV, scope: company, from: '2025-01-01', to: '2025-12-31' }))[0]).toMatchObject({ period: '2025', value: 0.285 });

    const conv = await store.actuals.list({ kpiIds: [ids.CONV!] });
    expect(conv).toHaveLength(14);
    for (const a of conv) {
      expect(a.denominator).toBeGreaterThan(0);
      expect(a.value).toBeCloseTo(a.numerator! / a.denominator!, 12);
    }
    const last = await store.actuals.list({ kpiIds: [ids.REVENUE!], scope: company });
    expect(last.map((a) => a.period).at(-1)).toBe('2026-02');
    expect(last.every((a) => a.value % 1_000_000 === 0)).toBe(true);
  });

  it('makes 2025 show achievement, with a KPI that missed', async () => {
    const card = await getScorecard(store, SYSTEM_ACTOR, { period: '2025', scope: company });
    const item = (code: string) => card.items.find((i) => i.code === code)!;
    // REVENUE plays at ≈ 78 % of plan → red; CMP beats its plan (decrease, ×1.04).
    expect(item('REVENUE').status).toBe('red');
    expect(item('REVENUE').achievement).toBeGreaterThan(0.6);
    expect(item('REVENUE').achievement).toBeLessThan(0.8);
    expect(item('NPS').achievement).not.toBeNull();
    expect(item('CONV').achievement).not.toBeNull();
  });

  it('is deterministic: the same input gives the same numbers, and a second run changes nothing', async () => {
    const [kpis, targets, unitList] = await Promise.all([store.kpis.list(), store.targets.list({ from: '2025-01-01' }), store.units.list()]);
    const input = { today: '2026-03-15', kpis, targets: targets.filter((t) => t.period.startsWith('2026')), units: unitList };
    expect(generateDemoHistory(input)).toEqual(generateDemoHistory(input));
    const before = await store.actuals.list({});
    await seedDemoActuals(store, { today: '2026-03-15' });
    const after = await store.actuals.list({});
    expect(after.map((a) => [a.id, a.value, a.version])).toEqual(before.map((a) => [a.id, a.value, a.version]));
  });
});
