import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { DEFAULT_COMPANY } from '../src/app/company/company';
import { datasetCohorts } from '../src/app/datasets/dataset-cohorts';
import { queryDataset } from '../src/app/datasets/query-dataset';
import type { Store } from '../src/app/ports';
import type { Database } from '../src/db/connect';
import { copyInto, CopyRows } from '../src/db/copy';
import type { DB } from '../src/db/schema';
import { createStore } from '../src/db/store';
import { createFixtureDataset } from '../test/helpers/dataset-fixture';
import { freshDatabase } from '../test/helpers/db';
import { median, time, type Bench, type Measurement } from './harness';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const CUSTOMERS = Math.max(1, Math.floor(ORDERS / 10));
const REGIONS = ['Miền Bắc', 'Miền Trung', 'Miền Nam', 'Tây Nguyên', 'Đồng bằng sông Cửu Long', 'Hà Nội'];
const TZ = 'Asia/Ho_Chi_Minh';
const START = Date.UTC(2024, 0, 1) - 7 * 3600_000; // 2024-01-01 00:00 in Hanoi
const SPAN_MS = 2 * 365 * 86_400_000;
const RUNS = 5;

/** 1M synthetic orders over 2 years (deterministic), loaded by COPY: customer, region, time, sales and profit with 2 decimals. */
async function load(db: Kysely<DB>): Promise<void> {
  const columns = [
    { name: 'order_id', type: 'integer' as const },
    { name: 'customer', type: 'text' as const },
    { name: 'region', type: 'text' as const },
    { name: 'ordered_at', type: 'datetime' as const },
    { name: 'sales', type: 'decimal' as const },
    { name: 'profit', type: 'decimal' as const },
  ];
  await createFixtureDataset(db, { name: 'orders', columns, rows: [] });
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows = new CopyRows();
  for (let i = 1; i <= ORDERS; i++) {
    const cents = 5_000 + Math.floor(random() * 5_000_000);
    const margin = Math.floor(random() * 40) - 5;
    rows
      .ascii(i)
      .ascii(`c${Math.floor(random() * CUSTOMERS)}`)
      .text(REGIONS[Math.floor(random() * REGIONS.length)]!)
      .ascii(new Date(START + Math.floor(random() * SPAN_MS)).toISOString())
      .ascii((cents / 100).toFixed(2))
      .ascii(((cents * margin) / 10_000).toFixed(2));
    rows.endRow();
  }
  await copyInto(db as Kysely<unknown>, 'ds_orders', columns.map((c) => c.name), rows);
  await sql`ANALYZE ds_orders`.execute(db);
}

interface Pair {
  name: string;
  ours: (store: Store) => Promise<unknown[]>;
  /** The same numbers from a SQL statement written by hand. */
  handSql: string;
  /** Rows of both as comparable tuples. */
  oursRows: (result: unknown[]) => unknown[][];
}

const local = `(ordered_at AT TIME ZONE '${TZ}')`;

const PAIRS: Pair[] = [
  {
    name: 'monthly revenue by region',
    ours: async (store) => (await queryDataset(store, SYSTEM_ACTOR, 'orders', { measures: [{ name: 'revenue', expression: 'sum(sales)' }], by: ['region', 'ordered_at:month'] })).rows,
    handSql: `SELECT region, to_char(${local}, 'YYYY-MM') AS month, sum(sales) AS revenue FROM ds_orders GROUP BY 1, 2 ORDER BY 1, 2`,
    oursRows: (rows) => (rows as { region: string; ordered_at: string; revenue: number }[]).map((r) => [r.region, r.ordered_at, r.revenue]),
  },
  {
    name: 'margin (ratio of sums) by region',
    ours: async (store) => (await queryDataset(store, SYSTEM_ACTOR, 'orders', { measures: [{ name: 'margin', expression: 'sum(profit) / sum(sales)' }], by: ['region'] })).rows,
    handSql: `SELECT region, sum(profit) / sum(sales) AS margin FROM ds_orders GROUP BY region ORDER BY region`,
    oursRows: (rows) => (rows as { region: string; margin: number }[]).map((r) => [r.region, r.margin]),
  },
  {
    name: 'distinct customers by month',
    ours: async (store) => (await queryDataset(store, SYSTEM_ACTOR, 'orders', { measures: [{ name: 'customers', expression: 'count_distinct(customer)' }], by: ['ordered_at:month'] })).rows,
    handSql: `SELECT to_char(${local}, 'YYYY-MM') AS month, count(DISTINCT customer) AS customers FROM ds_orders GROUP BY 1 ORDER BY 1`,
    oursRows: (rows) => (rows as { ordered_at: string; customers: number }[]).map((r) => [r.ordered_at, r.customers]),
  },
  {
    name: '365-day returning-customer rate by yearly cohort',
    ours: async (store) => (await datasetCohorts(store, SYSTEM_ACTOR, 'orders', { customer: 'customer', date: 'ordered_at', withinDays: 365, cohort: 'year' })).rows,
    handSql: `WITH o AS (SELECT customer, CAST(${local} AS date) AS d FROM ds_orders),
      f AS (SELECT customer, min(d) AS d0 FROM o GROUP BY customer),
      r AS (SELECT DISTINCT o.customer FROM o JOIN f USING (customer) WHERE o.d > f.d0 AND o.d <= f.d0 + 365)
      SELECT to_char(f.d0, 'YYYY') AS cohort, count(*) AS customers, count(r.customer) AS returning, count(r.customer)::numeric / count(*) AS rate
      FROM f LEFT JOIN r USING (customer) GROUP BY 1 ORDER BY 1`,
    oursRows: (rows) => (rows as { cohort: string; customers: number; returning: number; rate: number }[]).map((r) => [r.cohort, r.customers, r.returning, r.rate]),
  },
];

async function handRows(db: Kysely<DB>, text: string): Promise<unknown[][]> {
  const result = await sql.raw<Record<string, unknown>>(text).execute(db);
  return result.rows.map((r) => Object.values(r).map((v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
}

function sameNumbers(a: unknown[][], b: unknown[][]): boolean {
  const same = (x: unknown, y: unknown) =>
    typeof x === 'number' || typeof y === 'number' ? Math.abs(Number(x) - Number(y)) <= 1e-9 * Math.max(1, Math.abs(Number(x))) : x === y;
  return a.length === b.length && a.every((row, i) => row.length === b[i]!.length && row.every((v, j) => same(v, b[i]![j])));
}

async function runOn(engine: 'pglite' | 'postgres'): Promise<Measurement[]> {
  const database: Database = await freshDatabase(engine);
  try {
    const loadSeconds = await time(() => load(database.db));
    const store = createStore(database.db);
    await store.company.save({ ...DEFAULT_COMPANY, timezone: TZ });
    const results: Measurement[] = [];
    for (const pair of PAIRS) {
      const ours = pair.oursRows(await pair.ours(store));
      const hand = await handRows(database.db, pair.handSql);
      const agree = sameNumbers(ours, hand);
      // Interleaved, median of each: the machine is shared, and its load drifts during a run.
      const oursTimes: number[] = [];
      const handTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        oursTimes.push(await time(() => pair.ours(store)));
        handTimes.push(await time(() => sql.raw(pair.handSql).execute(database.db)));
      }
      results.push({
        name: `dataset measure: ${pair.name}`,
        engine,
        value: 1000 * median(oursTimes),
        unit: 'ms',
        baseline: 'hand-written SQL',
        baselineValue: 1000 * median(handTimes),
        better: 'lower',
        agree,
        note: `${ORDERS.toLocaleString('en-US')} orders; median of ${RUNS} interleaved runs; ${ours.length} rows equal to 1e-9; load ${loadSeconds.toFixed(1)} s`,
      });
    }
    return results;
  } finally {
    await database.close();
  }
}

const bench: Bench = {
  name: 'dataset-measures',
  async run({ engines }): Promise<Measurement[]> {
    const results: Measurement[] = [];
    for (const engine of engines) results.push(...(await runOn(engine)));
    return results;
  },
};

export default bench;
