import { CompiledQuery, sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { importActuals } from '../src/app/actuals/import-actuals';
import { seedDemo } from '../src/app/demo/seed-demo';
import type { Database } from '../src/db/connect';
import { CopyInData } from '../src/db/copy';
import { createStore } from '../src/db/store';
import { bigActualsCsv, createBigImportKpis } from '../test/fixtures/import/big-file';
import { onEachEngine } from './databases';
import { time, type Bench, type Measurement } from './harness';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 1_000_000);

/** The baseline: COPY of the same CSV into a temp table on the same engine, no checks. Returns seconds, rows and Σ value (exact text). */
async function copyBaseline(database: Database, data: Buffer): Promise<{ seconds: number; rows: number; sum: string }> {
  return database.db.connection().execute(async (c) => {
    await c.executeQuery(CompiledQuery.raw('CREATE TEMP TABLE copy_actuals (kpi text, period text, unit text, value numeric)'));
    // Text format without the header: COPY … (FORMAT csv, HEADER) never returns on PGlite 0.5.
    const text = Buffer.from(data.toString('utf8').slice(data.indexOf(10) + 1).replaceAll(',', '\t'));
    const seconds = await time(() => c.executeQuery(CompiledQuery.raw('COPY copy_actuals FROM STDIN', [new CopyInData(text)])));
    const r = await c.executeQuery<{ n: string; s: string }>(CompiledQuery.raw('SELECT count(*) AS n, sum(value)::text AS s FROM copy_actuals'));
    await c.executeQuery(CompiledQuery.raw('DROP TABLE copy_actuals'));
    return { seconds, rows: Number(r.rows[0]!.n), sum: r.rows[0]!.s };
  });
}

const bench: Bench = {
  name: 'import',
  async run({ engines, log }): Promise<Measurement[]> {
    return onEachEngine(engines, async (engine, database): Promise<Measurement> => {
      const store = createStore(database.db);
      await seedDemo(store);
      await createBigImportKpis(store);
      const units = (await store.units.list()).map((u) => u.code);
      const data = bigActualsCsv(ROWS, units);
      let inserted = 0;
      const seconds = await time(async () => {
        const r = await importActuals(store, SYSTEM_ACTOR, new Date(), { name: 'bench.csv', data }, { dryRun: false, skipBadRows: false });
        inserted = r.inserted;
      });
      const stored = await sql<{ n: string; s: string }>`
        SELECT count(*) AS n, sum(a.value)::text AS s FROM kpi_actuals a JOIN kpis k ON k.id = a.kpi_id WHERE k.code LIKE 'IMP\\_%'`.execute(database.db);
      const copy = await copyBaseline(database, data);
      const ours = stored.rows[0]!;
      log(`    ${engine}: ${ROWS.toLocaleString('en-US')} rows (${(data.length / 1e6).toFixed(1)} MB CSV): import ${seconds.toFixed(1)} s, COPY ${copy.seconds.toFixed(2)} s; Σ value ${ours.s} vs ${copy.sum}`);
      return {
        name: 'import actuals from CSV (parse, validate, write)',
        engine,
        value: ROWS / seconds,
        unit: 'rows/s',
        baseline: 'COPY into a temp table',
        baselineValue: ROWS / copy.seconds,
        better: 'higher',
        agree: inserted === ROWS && Number(ours.n) === ROWS && copy.rows === ROWS && ours.s === copy.sum,
        note: `${ROWS.toLocaleString('en-US')} rows; same row count and exact Σ value as the COPY`,
      };
    });
  },
};

export default bench;
