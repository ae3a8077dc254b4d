import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { checkIn } from '../src/app/actuals/check-in';
import { closeCycle } from '../src/app/appraisal/results/refresh';
import type { DB } from '../src/db/schema';
import { createStore } from '../src/db/store';
import { onEachEngine } from './databases';
import { time, type Bench, type Measurement } from './harness';
import { handWrittenSql } from './period-close-sql';
import { AGG, agreeing, buildData, CYCLE_ID, KPIS, MONTHS, PEOPLE, seed } from './period-close-seed';

const CHECK_INS = Number(process.env.FRESHNESS_CHECK_INS ?? 1000);
const NOW = new Date('2027-01-15T03:00:00Z');

/** Every stored result of the cycle: items, sheets (own and person score), unit means — as flat number lists. */
async function snapshot(db: Kysely<DB>): Promise<{ items: Float64Array; sheets: Float64Array; grades: string; units: Float64Array }> {
  const items = await sql<{ actual: string | null; achievement: number | null; score: number | null }>`
    SELECT actual, achievement, score FROM appraisal_items ORDER BY id`.execute(db);
  const sheets = await db.selectFrom('appraisal_sheets').select(['own_score', 'score', 'grade']).where('cycle_id', '=', CYCLE_ID).orderBy('id').execute();
  const units = await db.selectFrom('appraisal_unit_results').select(['unit_id', 'people', 'mean_score']).where('cycle_id', '=', CYCLE_ID).orderBy('unit_id').execute();
  const n = (x: string | number | null) => (x === null ? Number.NaN : Number(x));
  return {
    items: Float64Array.from(items.rows.flatMap((r) => [n(r.actual) / 1e6, n(r.achievement), n(r.score)])),
    sheets: Float64Array.from(sheets.flatMap((r) => [n(r.own_score), n(r.score)])),
    grades: sheets.map((r) => r.grade).join(','),
    units: Float64Array.from(units.flatMap((r) => [r.unit_id, r.people, n(r.mean_score)])),
  };
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

const bench: Bench = {
  name: 'freshness',
  async run({ engines, log }): Promise<Measurement[]> {
    const data = buildData();
    return onEachEngine(engines, async (engine, database): Promise<Measurement> => {
      const db = database.db;
      await seed(db, data);
      const store = createStore(db);
      await store.transaction((tx) => closeCycle(tx, CYCLE_ID));
      let seed32 = 11;
      const next = () => (seed32 = (seed32 * 1103515245 + 12345) % 2147483648) / 2147483648;
      const ms: number[] = [];
      for (let i = 0; i < CHECK_INS; i++) {
        const p = Math.floor(next() * PEOPLE);
        const k = Math.floor(next() * KPIS);
        const period = `2026-${String(1 + Math.floor(next() * MONTHS)).padStart(2, '0')}`;
        const values = AGG[k] === 2 ? { numerator: Math.round(next() * 100), denominator: 50 + Math.round(next() * 100) } : { value: 1 + Math.round(next() * 100_000) };
        const seconds = await time(() => checkIn(store, SYSTEM_ACTOR, NOW, `K${k + 1}`, { period, scope: { type: 'person', id: p + 1 }, ...values }));
        ms.push(seconds * 1000);
      }
      ms.sort((a, b) => a - b);
      const p50 = percentile(ms, 0.5);
      const p99 = percentile(ms, 0.99);

      const incremental = await snapshot(db);
      await store.transaction((tx) => closeCycle(tx, CYCLE_ID));
      const full = await snapshot(db);
      const handSeconds = await time(() => db.transaction().execute((tx) => handWrittenSql(tx)));
      const hand = await snapshot(db);
      const agree =
        agreeing(`${engine}: incremental item results vs closeCycle`, incremental.items, full.items, log) &&
        agreeing(`${engine}: incremental sheet scores vs closeCycle`, incremental.sheets, full.sheets, log) &&
        agreeing(`${engine}: incremental unit means vs closeCycle`, incremental.units, full.units, log) &&
        incremental.grades === full.grades &&
        agreeing(`${engine}: incremental sheet scores vs hand-written SQL`, incremental.sheets, hand.sheets, log) &&
        agreeing(`${engine}: incremental unit means vs hand-written SQL`, incremental.units, hand.units, log);
      log(`    ${engine}: check-in p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; hand-written full recompute ${(handSeconds * 1000).toFixed(0)} ms`);
      return {
        name: "check-in keeping person, sheet and ancestor units' results fresh (p50)",
        engine,
        value: p50,
        unit: 'ms',
        baseline: 'full recompute in hand-written SQL',
        baselineValue: handSeconds * 1000,
        better: 'lower',
        agree,
        note: `${CHECK_INS.toLocaleString('en-US')} random check-ins at ${PEOPLE.toLocaleString('en-US')} people × ${KPIS} KPIs × ${MONTHS} months; p99 ${p99.toFixed(1)} ms (goal ≤ 20 ms); results afterwards equal a full closeCycle (items, sheets, grades, unit means) and the hand-written SQL (sheets, unit means) to 1e-9`,
      };
    });
  },
};

export default bench;
