import { CompiledQuery, sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { importDataset } from '../src/app/datasets/import-dataset';
import type { Database } from '../src/db/connect';
import { CopyInData } from '../src/db/copy';
import { createStore } from '../src/db/store';
import { onEachEngine } from './databases';
import { time, type Bench, type Measurement } from './harness';

const ROWS = Number(process.env.DATASET_BENCH_ROWS ?? 1_000_000);
const REGIONS = ['HN', 'HCM', 'DN', 'HP', 'CT', 'BD', 'KH', 'NA'];
const CHANNELS = ['web', 'app', 'shop', 'zalo', 'fb'];

/**
 * Synthetic orders, ~44 bytes a row so 1M rows stay under the 50 MB upload limit: order id, date (two years),
 * customer, region, channel, quantity, amount with one decimal. Deterministic (a linear congruential sequence).
 */
function ordersCsv(rows: number): Buffer {
  const lines = ['order_id,ordered_on,customer,region,channel,qty,sales'];
  let seed = 12345;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + next(730) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${1_000_000 + i},${day},C${10_000 + next(90_000)},${REGIONS[next(8)]},${CHANNELS[next(5)]},${1 + next(9)},${next(5_000_000) / 10}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** The same rows in COPY text format (tabs, no header): what a plain COPY is handed. */
const asCopyText = (csv: Buffer) => Buffer.from(csv.toString('utf8').slice(csv.indexOf(10) + 1).replaceAll(',', '\t'));

/** A plain COPY of the rows into a typed table on one connection: no parsing, checks or catalogue. */
async function copyBaseline(database: Database, data: Buffer): Promise<{ seconds: number; rows: number; sales: string }> {
  return database.db.connection().execute(async (c) => {
    await c.executeQuery(CompiledQuery.raw('CREATE TEMP TABLE copy_orders (order_id text, ordered_on date, customer text, region text, channel text, qty bigint, sales numeric)'));
    const seconds = await time(() => c.executeQuery(CompiledQuery.raw('COPY copy_orders FROM STDIN', [new CopyInData(data)])));
    const r = await c.executeQuery<{ n: string; s: string }>(CompiledQuery.raw('SELECT count(*) AS n, sum(sales)::text AS s FROM copy_orders'));
    await c.executeQuery(CompiledQuery.raw('DROP TABLE copy_orders'));
    return { seconds, rows: Number(r.rows[0]!.n), sales: r.rows[0]!.s };
  });
}

const bench: Bench = {
  name: 'dataset-import',
  async run({ engines, log }): Promise<Measurement[]> {
    const csv = ordersCsv(ROWS);
    return onEachEngine(engines, async (engine, database): Promise<Measurement> => {
      const store = createStore(database.db);
      let stored = 0;
      const seconds = await time(async () => {
        const result = await importDataset(store, SYSTEM_ACTOR, 'orders', { name: 'orders.csv', data: csv }, { mode: 'append' });
        stored = result.dataset.rowCount;
      });
      const ours = await sql<{ n: string; s: string }>`SELECT count(*) AS n, sum(sales)::text AS s FROM ds_orders`.execute(database.db);
      const copy = await copyBaseline(database, asCopyText(csv));
      log(`    ${engine}: ${ROWS.toLocaleString('en-US')} rows (${(csv.length / 1e6).toFixed(1)} MB): import ${seconds.toFixed(2)} s, plain COPY ${copy.seconds.toFixed(2)} s; Σ sales ${ours.rows[0]!.s} vs ${copy.sales}`);
      return {
        name: 'dataset import from CSV (infer, parse exactly, COPY, index, catalogue)',
        engine,
        value: ROWS / seconds,
        unit: 'rows/s',
        baseline: 'COPY into a typed temp table',
        baselineValue: ROWS / copy.seconds,
        better: 'higher',
        agree: stored === ROWS && Number(ours.rows[0]!.n) === ROWS && copy.rows === ROWS && ours.rows[0]!.s === copy.sales,
        note: `${ROWS.toLocaleString('en-US')} orders; same row count and exact Σ sales as the COPY`,
      };
    });
  },
};

export default bench;
