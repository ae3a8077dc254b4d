import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { closeCycle } from '../src/app/appraisal/results/refresh';
import { generateCompany } from '../src/app/demo/generate/generate-company';
import { getUnitDashboard, type UnitDashboard } from '../src/app/evaluation';
import type { Engine } from '../src/db/connect';
import type { DB } from '../src/db/schema';
import { createStore } from '../src/db/store';
import { withDatabase } from './databases';
import { allClose, close, median, time, type Bench, type Measurement } from './harness';
import { assertSupported, clearCloseResults, scaleCloseSql } from './scale-close-sql';
import { scaleDashboardSql, type UnitNumbers } from './scale-dashboard-sql';

/** Company sizes of the curve; PGlite stops at PGLITE_MAX (a 50k company on the embedded engine takes too long here). */
const SIZES = (process.env.SCALE_PEOPLE ?? '1000,10000,50000').split(',').map(Number);
const PGLITE_MAX = Number(process.env.SCALE_PGLITE_MAX ?? 10_000);
const DASHBOARD_RUNS = 3;

/** Every person's stored result (score; grade) and every unit's (people, mean), in a stable order. */
async function storedResults(db: Kysely<DB>, cycleId: number): Promise<{ scores: Float64Array; grades: (string | null)[]; units: Float64Array }> {
  const sheets = await db.selectFrom('appraisal_sheets').select(['score', 'grade']).where('cycle_id', '=', cycleId).orderBy('id').execute();
  const units = await db.selectFrom('appraisal_unit_results').select(['unit_id', 'people', 'mean_score']).where('cycle_id', '=', cycleId).orderBy('unit_id').execute();
  return {
    scores: Float64Array.from(sheets, (r) => (r.score === null ? Number.NaN : Number(r.score))),
    grades: sheets.map((r) => r.grade),
    units: Float64Array.from(units.flatMap((r) => [r.unit_id, r.people, r.mean_score === null ? Number.NaN : Number(r.mean_score)])),
  };
}

type Stored = Awaited<ReturnType<typeof storedResults>>;

const shown = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? 'none' : String(x));

/**
 * The first difference between two closes' results (scores to 1e-9, grades, each unit's id, people and mean), or
 * null when they agree and someone was scored at all.
 */
function closeDifference(a: Stored, b: Stored): string | null {
  if (!a.scores.some((x) => !Number.isNaN(x))) return 'nobody was scored';
  if (a.scores.length !== b.scores.length) return `${a.scores.length} vs ${b.scores.length} sheets`;
  for (let i = 0; i < a.scores.length; i++) {
    if (!close(a.scores[i]!, b.scores[i]!) || a.grades[i] !== b.grades[i]) {
      return `sheet #${i + 1}: ${shown(a.scores[i])} ${a.grades[i] ?? '-'} vs ${shown(b.scores[i])} ${b.grades[i] ?? '-'}`;
    }
  }
  if (a.units.length !== b.units.length) return `${a.units.length / 3} vs ${b.units.length / 3} units`;
  for (let i = 0; i < a.units.length; i += 3) {
    if (!allClose(a.units.subarray(i, i + 3), b.units.subarray(i, i + 3))) return `unit row ${i / 3 + 1}: ${[...a.units.subarray(i, i + 3)].join(' ')} vs ${[...b.units.subarray(i, i + 3)].join(' ')}`;
  }
  return null;
}

/** The first unit whose dashboard numbers differ from the hand-written statement's (counts exact, the rest to 1e-9), or null. */
function dashboardDifference(units: UnitDashboard['units'], hand: Map<number, UnitNumbers>): string | null {
  if (!units.some((u) => u.score !== null)) return 'no unit has a score';
  if (units.length !== hand.size) return `${units.length} vs ${hand.size} units`;
  const nan = (x: number | null) => (x === null ? Number.NaN : x);
  for (const u of units) {
    const h = hand.get(u.id);
    if (!h) return `unit ${u.id} missing from the SQL`;
    const ours = { kpiCount: u.kpiCount, achievementSum: u.kpis.reduce((s, k) => s + (k.achievement ?? 0), 0), score: nan(u.score), rolledScore: nan(u.rolledScore) };
    if (ours.kpiCount !== h.kpiCount || !close(ours.achievementSum, h.achievementSum) || !close(ours.score, h.score) || !close(ours.rolledScore, h.rolledScore)) {
      return `unit ${u.id}: ${JSON.stringify(ours)} vs ${JSON.stringify(h)}`;
    }
  }
  return null;
}

async function atSize(engine: Engine, people: number, log: (line: string) => void): Promise<Measurement[]> {
  return withDatabase(engine, async (database) => {
    const db = database.db;
    const summary = await generateCompany(database, { people, years: 1, orders: 0 });
    log(`    ${engine} ${people.toLocaleString('en-US')} people: generated in ${summary.seconds.toFixed(0)} s (${summary.actuals.toLocaleString('en-US')} actuals)`);
    // Statistics as autovacuum would have them by now; both sides run on them.
    await sql`ANALYZE`.execute(db);
    const cycle = await db.selectFrom('appraisal_cycles').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await assertSupported(db, cycle.id);
    const store = createStore(db);

    await clearCloseResults(db, cycle.id);
    const close = await time(() => store.transaction((tx) => closeCycle(tx, cycle.id)));
    const ours = await storedResults(db, cycle.id);
    await clearCloseResults(db, cycle.id);
    const hand = await time(() => db.transaction().execute((tx) => scaleCloseSql(tx, cycle.id)));
    const closeDiff = closeDifference(ours, await storedResults(db, cycle.id));
    if (closeDiff) log(`    ${engine} ${people.toLocaleString('en-US')}: period close differs: ${closeDiff}`);

    const dashboardQuery = { period: summary.period };
    const first = await getUnitDashboard(store, SYSTEM_ACTOR, dashboardQuery);
    const dashboardDiff = dashboardDifference(first.units, await scaleDashboardSql(db, summary.period));
    if (dashboardDiff) log(`    ${engine} ${people.toLocaleString('en-US')}: dashboard differs: ${dashboardDiff}`);
    const dashboard: number[] = [];
    const read: number[] = [];
    for (let i = 0; i < DASHBOARD_RUNS; i++) {
      dashboard.push(await time(() => getUnitDashboard(store, SYSTEM_ACTOR, dashboardQuery)));
      read.push(await time(() => scaleDashboardSql(db, summary.period)));
    }
    const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
    log(`    ${engine} ${people.toLocaleString('en-US')}: closeCycle ${ms(close)} vs SQL ${ms(hand)}; dashboard ${dashboard.map(ms).join(' / ')} vs SQL ${read.map(ms).join(' / ')}`);
    const size = `${people.toLocaleString('en-US')} people`;
    return [
      {
        name: `scale: period close, ${size}`,
        engine,
        value: close * 1000,
        unit: 'ms',
        baseline: 'hand-written SQL (two statements)',
        baselineValue: hand * 1000,
        better: 'lower',
        agree: closeDiff === null,
        note: `generated company (generateCompany, 1 year), quarterly cycle; item results stale for both; every person's score to 1e-9 and grade, every unit's people and mean`,
      },
      {
        name: `scale: unit dashboard, ${size}`,
        engine,
        value: 1000 * median(dashboard),
        unit: 'ms',
        baseline: 'hand-written SQL (one statement)',
        baselineValue: 1000 * median(read),
        better: 'lower',
        agree: dashboardDiff === null,
        note: `period ${summary.period}; ${first.units.length.toLocaleString('en-US')} units; each unit's KPI count, Σ achievement, own and rolled score equal; median of ${DASHBOARD_RUNS} interleaved runs`,
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
