import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { importActuals, type ImportPhase } from '../src/app/actuals/import-actuals';
import { seedDemo } from '../src/app/demo/seed-demo';
import { connect, type Database } from '../src/db/connect';
import { CopyInData, copyFromStdin } from '../src/db/copy';
import { migrate } from '../src/db/migrate';
import { createStore } from '../src/db/store';
import { bigActualsCsv, createBigImportKpis } from '../test/fixtures/import/big-file';
import { time, type Bench, type BenchResult } from './harness';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 1_000_000);

async function copyBaseline(url: string, data: Buffer): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TEMP TABLE copy_actuals (kpi text, period text, unit text, value numeric)');
    const seconds = await time(async () => {
      await copyFromStdin(client, "COPY copy_actuals FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ',')", new CopyInData(data));
    });
    const n = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM copy_actuals')).rows[0]!.n);
    if (n !== ROWS) throw new Error(`COPY loaded ${n} rows, expected ${ROWS}`);
    return seconds;
  } finally {
    await client.end();
  }
}

async function freshPostgres(adminUrl: string): Promise<{ database: Database; url: string }> {
  const name = `okpi_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const inner = await connect({ databaseUrl: u.toString() });
  const database: Database = {
    ...inner,
    async close() {
      await inner.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
  return { database, url: u.toString() };
}

async function runImport(database: Database, label: string): Promise<{ first: number; second: number; data: Buffer }> {
  await migrate(database.db);
  const store = createStore(database.db);
  await seedDemo(store);
  await createBigImportKpis(store);
  const units = (await store.units.list()).map((u) => u.code);
  const data = bigActualsCsv(ROWS, units);
  process.stdout.write(`  ${label}: ${ROWS.toLocaleString('en-US')} rows, ${(data.length / 1e6).toFixed(1)} MB CSV\n`);
  let lastPrint = 0;
  let lastPhase = '';
  let scanDone = 0;
  const onProgress = (phase: ImportPhase, done: number, total: number) => {
    const now = Date.now();
    if (phase !== 'parse' && scanDone === 0) scanDone = performance.now();
    if (phase === lastPhase && now - lastPrint < 2000) return;
    lastPrint = now;
    lastPhase = phase;
    process.stdout.write(`    ${label} ${phase} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}\n`);
  };
  const file = { name: 'bench.csv', data };
  let result;
  const started = performance.now();
  const first = await time(async () => {
    result = await importActuals(store, SYSTEM_ACTOR, new Date(), file, { dryRun: false, skipBadRows: false, onProgress });
  });
  if (result!.inserted !== ROWS) throw new Error(`${label}: inserted ${result!.inserted}`);
  const scanSeconds = (scanDone - started) / 1000;
  process.stdout.write(
    `    ${label}: format scan ${scanSeconds.toFixed(1)} s, then validate + write (overlapped) ${(first - scanSeconds).toFixed(1)} s\n`,
  );
  const second = await time(async () => {
    result = await importActuals(store, SYSTEM_ACTOR, new Date(), file, { dryRun: false, skipBadRows: false });
  });
  if (result!.unchanged !== ROWS) throw new Error(`${label}: re-import changed rows`);
  process.stdout.write(`    ${label}: first import ${first.toFixed(1)} s, re-import (all unchanged) ${second.toFixed(1)} s, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB\n`);
  return { first, second, data };
}

const bench: Bench = {
  name: `import ${ROWS.toLocaleString('en-US')} actuals from CSV vs PostgreSQL COPY`,
  async run() {
    const results: BenchResult[] = [];
    const url = process.env.DATABASE_URL;
    if (url) {
      const { database, url: dbUrl } = await freshPostgres(url);
      try {
        const r = await runImport(database, 'postgres');
        const copy = await copyBaseline(dbUrl, r.data);
        process.stdout.write(`    COPY FROM STDIN into a temp table: ${copy.toFixed(2)} s\n`);
        results.push({
          name: 'openkpi import (PostgreSQL: parse, validate, write in one transaction)',
          unit: 'row',
          opsPerSec: ROWS / r.first,
          baselineName: 'COPY FROM STDIN (temp table, no checks)',
          baselineOpsPerSec: ROWS / copy,
          note: `re-import all unchanged: ${Math.round(ROWS / r.second).toLocaleString('en-US')} rows/s`,
        });
      } finally {
        await database.close();
      }
    } else {
      process.stdout.write('  DATABASE_URL not set: PostgreSQL and COPY skipped\n');
    }
    if (process.env.IMPORT_BENCH_PGLITE !== '0') {
      // A data folder on disk, as `npm start` uses: PGlite's in-memory file system slows down as tables grow
      // (1M rows: ~2.5× slower), which no user of the embedded database sees.
      const dataDir = mkdtempSync(join(tmpdir(), 'okpi-bench-'));
      const database = await connect({ dataDir });
      try {
        const r = await runImport(database, 'pglite');
        results.push({
          name: 'openkpi import (PGlite, data folder on disk)',
          unit: 'row',
          opsPerSec: ROWS / r.first,
          baselineName: 'same import, re-run (all unchanged)',
          baselineOpsPerSec: ROWS / r.second,
        });
      } finally {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    return results;
  },
};

export default bench;
