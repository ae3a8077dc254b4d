import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { importDataset } from '../src/app/datasets/import-dataset';
import { connect, type Database } from '../src/db/connect';
import { CopyInData } from '../src/db/copy';
import { migrate } from '../src/db/migrate';
import { createStore } from '../src/db/store';
import { time, type Bench, type BenchResult } from './harness';

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
async function copyBaseline(database: Database, data: Buffer): Promise<number> {
  return database.db.connection().execute(async (c) => {
    await c.executeQuery(CompiledQuery.raw('CREATE TEMP TABLE copy_orders (order_id text, ordered_on date, customer text, region text, channel text, qty bigint, sales numeric)'));
    const seconds = await time(() => c.executeQuery(CompiledQuery.raw('COPY copy_orders FROM STDIN', [new CopyInData(data)])));
    const n = await c.executeQuery<{ n: string }>(CompiledQuery.raw('SELECT count(*) AS n FROM copy_orders'));
    if (Number(n.rows[0]!.n) !== ROWS) throw new Error(`COPY loaded ${n.rows[0]!.n} rows, expected ${ROWS}`);
    await c.executeQuery(CompiledQuery.raw('DROP TABLE copy_orders'));
    return seconds;
  });
}

async function freshPostgres(adminUrl: string): Promise<Database> {
  const name = `okpi_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const inner = await connect({ databaseUrl: u.toString() });
  return {
    ...inner,
    async close() {
      await inner.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function runOn(database: Database, label: string, csv: Buffer): Promise<BenchResult> {
  await migrate(database.db);
  const store = createStore(database.db);
  let result;
  const seconds = await time(async () => {
    result = await importDataset(store, SYSTEM_ACTOR, 'orders', { name: 'orders.csv', data: csv }, { mode: 'append' });
  });
  if (result!.dataset.rowCount !== ROWS) throw new Error(`${label}: stored ${result!.dataset.rowCount} rows`);
  const copy = await copyBaseline(database, asCopyText(csv));
  process.stdout.write(`    ${label}: import ${seconds.toFixed(2)} s (${Math.round(ROWS / seconds).toLocaleString('en-US')} rows/s), plain COPY ${copy.toFixed(2)} s, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB\n`);
  return {
    name: `dataset import, ${label} (read, infer, parse exactly, COPY, date index, catalogue)`,
    unit: 'row',
    opsPerSec: ROWS / seconds,
    baselineName: 'plain COPY of the same rows into a typed temp table',
    baselineOpsPerSec: ROWS / copy,
  };
}

const bench: Bench = {
  name: `dataset import of ${ROWS.toLocaleString('en-US')} orders from CSV vs plain COPY`,
  async run() {
    const csv = ordersCsv(ROWS);
    process.stdout.write(`  ${ROWS.toLocaleString('en-US')} rows, ${(csv.length / 1e6).toFixed(1)} MB CSV\n`);
    const results: BenchResult[] = [];
    const url = process.env.DATABASE_URL;
    if (url) {
      const database = await freshPostgres(url);
      try {
        results.push(await runOn(database, 'PostgreSQL', csv));
      } finally {
        await database.close();
      }
    } else {
      process.stdout.write('  DATABASE_URL not set: PostgreSQL skipped\n');
    }
    if (process.env.DATASET_BENCH_PGLITE === '0') return results;
    // A data folder on disk, as `npm start` uses (PGlite's in-memory file system slows down as tables grow).
    const dataDir = mkdtempSync(join(tmpdir(), 'okpi-bench-'));
    const database = await connect({ dataDir });
    try {
      results.push(await runOn(database, 'PGlite (data folder on disk)', csv));
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    return results;
  },
};

export default bench;
