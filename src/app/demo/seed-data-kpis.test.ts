import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import type { Store } from '../ports';
import { seedDataKpis } from './seed-data-kpis';
import { seedDemo } from './seed-demo';
import { seedDemoOrders } from './seed-demo-orders';

const TODAY = '2026-11-15';

describe.each(engines())('demo KPIs bound to the orders dataset on %s', (engine) => {
  let database: Database;
  let store: Store;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    await seedDemo(store);
    await store.transaction(async (tx) => {
      await seedDemoOrders(tx, TODAY);
      await seedDataKpis(tx, TODAY);
    });
  }, 120_000);
  afterAll(() => database.close());

  it('wires the funnel as KPI parents: web traffic → leads → closed orders → data revenue → REVENUE', async () => {
    const parents = async (code: string) => (await store.kpis.findByCode(code))!.parents.map((p) => `${p.code}×${p.weight}`).sort();
    expect(await parents('WEB_TRAFFIC')).toEqual(['LEADS×0.3', 'MARKET_SHARE×0.3']);
    expect(await parents('LEADS')).toEqual(['DL_ORDERS×0.3', 'MARKET_SHARE×0.3']);
    expect(await parents('DL_CUSTOMERS')).toEqual(['DL_ORDERS×0.5']);
    expect(await parents('DL_ORDERS')).toEqual(['DL_REVENUE×0.6']);
    expect(await parents('DL_REVENUE')).toEqual(['REVENUE×0.1']);
  });

  it("a quarter's values are the orders of that Hanoi quarter, company-wide and per mapped region", async () => {
    const kpi = (await store.kpis.findByCode('DL_REVENUE'))!;
    const orders = (await store.kpis.findByCode('DL_ORDERS'))!;
    const stored = await store.actuals.list({ kpiIds: [kpi.id, orders.id], kind: 'quarter', from: '2026-07-01', to: '2026-09-30' });
    // The plain question on the same table: July–September 2026 in Hanoi time, all rows and the Miền Bắc rows.
    const plain = (
      await sql<{ n: string; revenue: string; north: string }>`
        SELECT count(*) AS n, sum(revenue)::text AS revenue, sum(revenue) FILTER (WHERE region = 'Miền Bắc')::text AS north FROM ds_orders
        WHERE (ordered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN '2026-07-01' AND '2026-09-30'`.execute(database.db)
    ).rows[0]!;
    const north = (await store.units.list()).find((u) => u.code === 'KD-MB')!.id;
    const value = (kpiId: number, scope: { type: string; id: number | null }) => stored.find((a) => a.kpiId === kpiId && a.scope.type === scope.type && a.scope.id === scope.id)?.value;
    expect(Number(plain.n)).toBeGreaterThan(1000);
    expect(value(orders.id, { type: 'company', id: null })).toBe(Number(plain.n));
    expect(value(kpi.id, { type: 'company', id: null })).toBe(Number(plain.revenue));
    expect(value(kpi.id, { type: 'unit', id: north })).toBe(Number(plain.north));
    expect(stored.every((a) => a.source === 'dataset')).toBe(true);
  });
});
