import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { DEMO_ORDER_COLUMNS, generateDemoOrders } from './demo-orders';
import { seedDemo } from './seed-demo';
import { seedDemoOrders } from './seed-demo-orders';

const TODAY = '2026-11-15';

function firstOrders(n: number): string[][] {
  const out: string[][] = [];
  generateDemoOrders(TODAY, { add: (v) => void (out.length < n && out.push(v.map(String))) });
  return out;
}

describe('demo orders generator', () => {
  it('gives the same orders for the same day, over 100,000 of them, in the columns’ order', () => {
    const a: string[] = [];
    const n = generateDemoOrders(TODAY, { add: (v) => void (a.length < 5 && a.push(v.join('|'))) });
    const b: string[] = [];
    expect(generateDemoOrders(TODAY, { add: (v) => void (b.length < 5 && b.push(v.join('|'))) })).toBe(n);
    expect(a).toEqual(b);
    expect(n).toBeGreaterThanOrEqual(100_000);
    const [first] = firstOrders(1);
    expect(first).toHaveLength(DEMO_ORDER_COLUMNS.length);
    // Two years back from 15/11/2026: the first day is 15/11/2024 (730 days), the first order DH0000001.
    expect(first![0]).toBe('DH0000001');
    expect(first![1]).toMatch(/^2024-11-15 \d{2}:\d{2}:\d{2}$/);
    expect(Number(first![10])).toBe(Number(first![8]) * Number(first![9]));
  });
});

describe.each(engines())('demo orders dataset on %s', (engine) => {
  let database: Database;
  let orders = 0;
  let seconds = 0;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    const store = createStore(database.db);
    await seedDemo(store); // the company (its time zone) without the history
    const started = performance.now();
    orders = await store.transaction((tx) => seedDemoOrders(tx, TODAY));
    seconds = (performance.now() - started) / 1000;
    console.info(`demo orders on ${engine}: ${orders} rows in ${seconds.toFixed(2)} s`);
  }, 120_000);
  afterAll(() => database.close());

  it('is written quickly (well under the 3 s budget on a quiet machine; 10 s leaves room for a busy one)', () => {
    expect(seconds).toBeLessThan(10);
  });

  it('is in the catalogue with its row count and key, and every row is stored', async () => {
    const store = createStore(database.db);
    const ds = await store.datasets.get('orders');
    expect(ds).toMatchObject({ label: 'Đơn hàng', tableName: 'ds_orders', keyColumns: ['order_id'], rowCount: orders });
    expect(ds!.columns.map((c) => `${c.name}:${c.type}`)).toEqual(DEMO_ORDER_COLUMNS.map((c) => `${c.name}:${c.type}`));
    const r = await sql<{ n: string; bad: string; regions: string[]; channels: string[] }>`
      SELECT count(*) AS n, count(*) FILTER (WHERE revenue <> quantity * unit_price) AS bad,
             array_agg(DISTINCT region ORDER BY region) AS regions, array_agg(DISTINCT channel ORDER BY channel) AS channels
      FROM ds_orders`.execute(database.db);
    expect(Number(r.rows[0]!.n)).toBe(orders);
    expect(Number(r.rows[0]!.bad)).toBe(0);
    expect(r.rows[0]!.regions).toEqual(['Miền Bắc', 'Miền Nam', 'Miền Trung']);
    expect(r.rows[0]!.channels).toEqual(['Cửa hàng', 'Facebook', 'Hotline', 'Website', 'Zalo'].sort());
  });

  it('stores the local order time in the company zone (Hanoi, UTC+7)', async () => {
    const [first] = firstOrders(1);
    const [stored] = await createStore(database.db).datasets.rows((await createStore(database.db).datasets.get('orders'))!, 0, 1);
    const local = first![1]!; // "2024-11-15 HH:MM:SS" in Hanoi
    expect(stored).toMatchObject({ order_id: 'DH0000001', customer_id: first![2] });
    expect(Date.parse(String(stored!.ordered_at))).toBe(Date.parse(local.replace(' ', 'T') + '+07:00'));
  });

  it('has customers who come back, each in one province of the right region', async () => {
    const r = await sql<{ customers: string; returning: string; mixed: string }>`
      SELECT count(*) AS customers, count(*) FILTER (WHERE n > 1) AS returning, count(*) FILTER (WHERE provinces > 1) AS mixed
      FROM (SELECT customer_id, count(*) AS n, count(DISTINCT province) AS provinces FROM ds_orders GROUP BY customer_id) c`.execute(database.db);
    const { customers, returning, mixed } = r.rows[0]!;
    expect(Number(mixed)).toBe(0);
    const share = Number(returning) / Number(customers);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.6);
    const regions = await sql<{ province: string; region: string }>`SELECT DISTINCT province, region FROM ds_orders WHERE province IN ('Hà Nội', 'Đà Nẵng', 'TP. Hồ Chí Minh') ORDER BY region`.execute(database.db);
    expect(regions.rows).toEqual([
      { province: 'Hà Nội', region: 'Miền Bắc' },
      { province: 'TP. Hồ Chí Minh', region: 'Miền Nam' },
      { province: 'Đà Nẵng', region: 'Miền Trung' },
    ]);
  });

  it('spans the two years before today and no later', async () => {
    const r = await sql<{ first: string; last: string }>`
      SELECT to_char(min(ordered_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS first,
             to_char(max(ordered_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS last FROM ds_orders`.execute(database.db);
    expect(r.rows[0]).toEqual({ first: '2024-11-15', last: '2026-11-14' });
  });
});
