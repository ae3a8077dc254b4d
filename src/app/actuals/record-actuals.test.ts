import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import type { ActualWrite, Store } from '../ports';
import { recordActuals } from './record-actuals';
import { createProfitKpis, kpiWrite } from './test-fixtures';

const BY = { userId: null, name: 'Test' };
const COMPANY = { type: 'company', id: null } as const;

function month(kpiId: number, period: string, value: number, scope: ActualWrite['scope'] = COMPANY): ActualWrite {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { kpiId, period, kind: 'month', start: `${period}-01`, end: `${period}-${last}`, scope, value, source: 'checkin', late: false };
}

describe.each(engines())('recordActuals on %s', (engine) => {
  let database: Database;
  let store: Store;
  let ids: Awaited<ReturnType<typeof createProfitKpis>>;

  const valueOf = async (kpiId: number, period: string, scope: ActualWrite['scope'] = COMPANY) =>
    (await store.actuals.list({ kpiIds: [kpiId], scope })).find((a) => a.period === period);

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    ids = await createProfitKpis(store);
  });
  afterAll(() => database.close());

  it('writes nothing for formula KPIs while an input is missing', async () => {
    const r = await store.transaction((tx) => recordActuals(tx, BY, [month(ids.REV, '2026-01', 1000)]));
    expect(r).toEqual({ inserted: 1, updated: 0, unchanged: 0, recomputed: 0 });
    expect(await valueOf(ids.PROFIT, '2026-01')).toBeUndefined();
  });

  it('computes PROFIT and MARGIN once both inputs exist, and again when COST changes', async () => {
    // REV 1000, COST 600 → PROFIT = 1000 − 600 = 400, MARGIN = 400 / 1000 = 0.4
    let r = await store.transaction((tx) => recordActuals(tx, BY, [month(ids.COST, '2026-01', 600)]));
    expect(r).toEqual({ inserted: 1, updated: 0, unchanged: 0, recomputed: 2 });
    expect((await valueOf(ids.PROFIT, '2026-01'))?.value).toBe(400);
    expect((await valueOf(ids.MARGIN, '2026-01'))?.value).toBe(0.4);
    expect((await valueOf(ids.MARGIN, '2026-01'))?.source).toBe('formula');

    // COST 750 → PROFIT = 1000 − 750 = 250, MARGIN = 250 / 1000 = 0.25
    r = await store.transaction((tx) => recordActuals(tx, BY, [month(ids.COST, '2026-01', 750)]));
    expect(r).toMatchObject({ updated: 1, recomputed: 2 });
    expect((await valueOf(ids.PROFIT, '2026-01'))?.value).toBe(250);
    expect((await valueOf(ids.MARGIN, '2026-01'))?.value).toBe(0.25);
    expect((await valueOf(ids.PROFIT, '2026-01'))?.version).toBe(2);
  });

  it('recomputes many periods and scopes from one batch, each from its own inputs', async () => {
    const unit = { type: 'unit', id: 7 } as const;
    const r = await store.transaction((tx) =>
      recordActuals(tx, BY, [
        month(ids.REV, '2026-02', 2000),
        month(ids.COST, '2026-02', 500),
        month(ids.REV, '2026-03', 800),
        month(ids.COST, '2026-03', 1000),
        month(ids.REV, '2026-02', 300, unit),
      ]),
    );
    // 2026-02 company: PROFIT 2000 − 500 = 1500, MARGIN 1500 / 2000 = 0.75
    // 2026-03 company: PROFIT 800 − 1000 = −200, MARGIN −200 / 800 = −0.25
    // 2026-02 unit 7: no COST → nothing
    expect(r).toEqual({ inserted: 5, updated: 0, unchanged: 0, recomputed: 4 });
    expect((await valueOf(ids.MARGIN, '2026-02'))?.value).toBe(0.75);
    expect((await valueOf(ids.PROFIT, '2026-03'))?.value).toBe(-200);
    expect((await valueOf(ids.MARGIN, '2026-03'))?.value).toBe(-0.25);
    expect(await valueOf(ids.PROFIT, '2026-02', unit)).toBeUndefined();
  });

  it('removes MARGIN when REV becomes 0 (division by zero is no value, the old 0.75 must not linger)', async () => {
    // REV 0, COST 500 → PROFIT = −500, MARGIN = −500 / 0 → no value
    const r = await store.transaction((tx) => recordActuals(tx, BY, [month(ids.REV, '2026-02', 0)]));
    expect(r.recomputed).toBe(1);
    expect((await valueOf(ids.PROFIT, '2026-02'))?.value).toBe(-500);
    expect(await valueOf(ids.MARGIN, '2026-02')).toBeUndefined();
    // Other periods keep their computed values.
    expect((await valueOf(ids.MARGIN, '2026-03'))?.value).toBe(-0.25);
  });

  it('rejects actuals entered for a formula KPI and writes nothing', async () => {
    const before = (await store.actuals.list({})).length;
    await expect(store.transaction((tx) => recordActuals(tx, BY, [month(ids.REV, '2026-05', 1), month(ids.PROFIT, '2026-05', 9)]))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: '1.kpi', code: 'computed_kpi' }],
    });
    expect((await store.actuals.list({})).length).toBe(before);
  });

  it('does not write a monthly value for a quarterly formula KPI', async () => {
    const q = await store.kpis.create(kpiWrite('PROFIT_Q', { source: 'formula', formula: '[REV] * 2', frequency: 'quarterly' }));
    await store.transaction((tx) => recordActuals(tx, BY, [month(ids.REV, '2026-04', 10)]));
    expect(await store.actuals.list({ kpiIds: [q] })).toEqual([]);
  });
});
