import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { closeCycle } from '../src/app/appraisal/results/refresh';
import { generateCompany } from '../src/app/demo/generate/generate-company';
import { getUnitDashboard } from '../src/app/evaluation';
import type { Engine } from '../src/db/connect';
import type { DB } from '../src/db/schema';
import { createStore } from '../src/db/store';
import { withDatabase } from './databases';
import { allClose, time, type Bench, type Measurement } from './harness';
import { handWrittenSql } from './period-close-sql';

/** Company sizes of the curve; PGlite stops at PGLITE_MAX (a 50k company on the embedded engine takes too long here). */
const SIZES = (process.env.SCALE_PEOPLE ?? '1000,10000,50000').split(',').map(Number);
const PGLITE_MAX = Number(process.env.SCALE_PGLITE_MAX ?? 10_000);

async function sheetScores(db: Kysely<DB>, cycleId: number): Promise<Float64Array> {
  const rows = await db.selectFrom('appraisal_sheets').select('score').where('cycle_id', '=', cycleId).orderBy('id').execute();
  return Float64Array.from(rows, (r) => (r.score === null ? Number.NaN : Number(r.score)));
}

async function unitMeans(db: Kysely<DB>, cycleId: number): Promise<Float64Array> {
  const rows = await db.selectFrom('appraisal_unit_results').select(['unit_id', 'people', 'mean_score']).where('cycle_id', '=', cycleId).orderBy('unit_id').execute();
  return Float64Array.from(rows.flatMap((r) => [r.unit_id, r.people, r.mean_score === null ? Number.NaN : Number(r.mean_score)]));
}

/** The plain read behind a dashboard, by hand: the period's actuals grouped per unit × KPI, and the units. */
async function handWrittenDashboardRead(db: Kysely<DB>, period: string): Promise<number> {
  const cells = await sql<{ n: string }>`
    SELECT count(*) AS n FROM (SELECT scope_id, kpi_id, sum(value) FROM kpi_actuals WHERE scope_type = 'unit' AND period_key = ${period} GROUP BY scope_id, kpi_id) c`.execute(db);
  const units = await sql<{ n: string }>`SELECT count(*) AS n FROM org_units WHERE archived_at IS NULL`.execute(db);
  return Number(cells.rows[0]!.n) >= 0 ? Number(units.rows[0]!.n) : 0;
}

async function atSize(engine: Engine, people: number, log: (line: string) => void): Promise<Measurement[]> {
  return withDatabase(engine, async (database) => {
    const db = database.db;
    const summary = await generateCompany(database, { people, years: 1, orders: 0 });
    log(`    ${engine} ${people.toLocaleString('en-US')} people: generated in ${summary.seconds.toFixed(0)} s (${summary.actuals.toLocaleString('en-US')} actuals)`);
    const cycle = await db.selectFrom('appraisal_cycles').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const store = createStore(db);

    const close = await time(() => store.transaction((tx) => closeCycle(tx, cycle.id)));
    const ourScores = await sheetScores(db, cycle.id);
    const ourUnits = await unitMeans(db, cycle.id);
    const hand = await time(() => db.transaction().execute((tx) => handWrittenSql(tx, cycle.id)));
    const closeAgrees = allClose(ourScores, await sheetScores(db, cycle.id)) && allClose(ourUnits, await unitMeans(db, cycle.id));

    const dashboardQuery = { period: summary.period };
    const first = await getUnitDashboard(store, SYSTEM_ACTOR, dashboardQuery);
    const dashboard = await time(() => getUnitDashboard(store, SYSTEM_ACTOR, dashboardQuery));
    let units = 0;
    const read = await time(async () => {
      units = await handWrittenDashboardRead(db, summary.period);
    });
    log(`    ${engine} ${people.toLocaleString('en-US')}: closeCycle ${(close * 1000).toFixed(0)} ms vs SQL ${(hand * 1000).toFixed(0)} ms; dashboard ${(dashboard * 1000).toFixed(0)} ms vs read ${(read * 1000).toFixed(0)} ms`);
    const size = `${people.toLocaleString('en-US')} people`;
    return [
      {
        name: `scale: period close, ${size}`,
        engine,
        value: close * 1000,
        unit: 'ms',
        baseline: 'one hand-written SQL statement',
        baselineValue: hand * 1000,
        better: 'lower',
        agree: closeAgrees,
        note: `generated company (generateCompany, 1 year); every sheet score and unit mean equal to 1e-9`,
      },
      {
        name: `scale: unit dashboard, ${size}`,
        engine,
        value: dashboard * 1000,
        unit: 'ms',
        baseline: 'hand-written SQL reading the same rows',
        baselineValue: read * 1000,
        better: 'lower',
        agree: first.units.length === units,
        note: `period ${summary.period}; the use-case called directly, second call timed; every unit present`,
      },
    ];
  });
}

/** How cost grows: period close and the unit dashboard at 1k, 10k and 50k employees. Heavy: only with --scale or `scale`. */
const bench: Bench = {
  name: 'scale',
  heavy: true,
  async run({ engines, log }): Promise<Measurement[]> {
    const out: Measurement[] = [];
    for (const engine of engines) {
      for (const people of SIZES) {
        if (engine === 'pglite' && people > PGLITE_MAX) {
          log(`    pglite ${people.toLocaleString('en-US')}: skipped (SCALE_PGLITE_MAX=${PGLITE_MAX})`);
          continue;
        }
        out.push(...(await atSize(engine, people, log)));
      }
    }
    return out;
  },
};

export default bench;
