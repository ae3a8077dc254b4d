import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActualWrite, Store } from '../../app/ports';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../connect';
import { createStore } from '../store';

const company = { type: 'company' as const, id: null };
const month = (m: number) => {
  const mm = String(m).padStart(2, '0');
  const end = new Date(Date.UTC(2026, m, 0)).getUTCDate();
  return { period: `2026-${mm}`, kind: 'month', start: `2026-${mm}-01`, end: `2026-${mm}-${end}` };
};

describe.each(engines())('actuals repository on %s', (engine) => {
  let database: Database;
  let store: Store;
  let kpiId: number;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    kpiId = await store.kpis.create({
      code: 'CLOSE_RATE', name: 'Tỷ lệ chốt đơn', level: 'tactical', perspective: 'customer', unit: '%', direction: 'increase',
      aggregation: 'ratio', frequency: 'monthly', source: 'import', ownerId: null, measurerId: null, reportWithinDays: 5,
      baseline: null, tags: [], status: 'active',
    });
  });
  afterAll(() => database.close());

  const by = { userId: null, name: 'Nhập liệu' };
  // Jan: 10 closed of 100 leads (10%); Feb: 90 of 300 (30%). Ratio of sums = 100/400 = 25%, not the 20% average of ratios.
  const rows = (): ActualWrite[] => [
    { kpiId, ...month(1), scope: company, value: 0.1, numerator: 10, denominator: 100, source: 'import', late: false },
    { kpiId, ...month(2), scope: company, value: 0.3, numerator: 90, denominator: 300, source: 'import', late: false },
  ];

  it('inserts, then leaves identical rows alone, then versions a change', async () => {
    expect(await store.actuals.upsert(rows(), by)).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await store.actuals.upsert(rows(), by)).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    const changed = rows();
    changed[1] = { ...changed[1]!, value: 0.32, numerator: 96, comment: 'Bổ sung 6 đơn' };
    expect(await store.actuals.upsert(changed, by)).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const feb = (await store.actuals.list({ kpiIds: [kpiId], from: '2026-02-01', to: '2026-02-28' }))[0]!;
    expect(feb).toMatchObject({ value: 0.32, numerator: 96, denominator: 300, version: 2, comment: 'Bổ sung 6 đơn' });
    expect((await store.actuals.versions(feb.id)).map((v) => [v.version, v.value])).toEqual([
      [2, 0.32],
      [1, 0.3],
    ]);
  });

  it('aggregates in the database: sum, avg, last and the ratio of sums', async () => {
    const [agg] = await store.actuals.aggregate({ from: '2026-01-01', to: '2026-03-31', kind: 'month' });
    // After the change: Jan 10/100, Feb 96/300 → 106/400 = 0.265; values 0.1 and 0.32.
    expect(agg).toMatchObject({ kpiId, count: 2, numeratorSum: 106, denominatorSum: 400, last: 0.32, min: 0.1, max: 0.32 });
    expect(agg!.sum).toBeCloseTo(0.42, 12);
    expect(agg!.avg).toBeCloseTo(0.21, 12);
    expect(agg!.numeratorSum! / agg!.denominatorSum!).toBe(0.265);
  });

  it('keeps money exact: 12 × 20 tỷ sums to 240 tỷ with no float drift', async () => {
    const rev = await store.kpis.create({
      code: 'REV', name: 'Doanh thu', level: 'strategic', perspective: 'financial', unit: 'VND', direction: 'increase',
      aggregation: 'sum', frequency: 'monthly', source: 'manual', ownerId: null, measurerId: null, reportWithinDays: 5,
      baseline: null, tags: [], status: 'active',
    });
    const months = Array.from({ length: 12 }, (_, i) => ({ kpiId: rev, ...month(i + 1), scope: company, value: 20_000_000_000.1, source: 'checkin' as const, late: false }));
    await store.actuals.upsert(months, by);
    const [agg] = await store.actuals.aggregate({ from: '2026-01-01', to: '2026-12-31', kind: 'month', kpiIds: [rev] });
    // 12 × 20,000,000,000.1 = 240,000,000,001.2 exactly (a float loop would drift in the last digits).
    expect(agg!.sum).toBe(240_000_000_001.2);
  });
});
