import { sql, type Kysely } from 'kysely';
import { closeCycle } from '../src/app/appraisal/results/refresh';
import { FLAT_KIND, scoreFlat, type FlatSheets } from '../src/core/appraisal/score-flat';
import { unitMeans } from '../src/core/appraisal/unit-means';
import type { DB } from '../src/db/schema';
import { createStore } from '../src/db/store';
import { onEachEngine } from './databases';
import { measure, time, type Bench, type Measurement } from './harness';
import { handWrittenSql } from './period-close-sql';
import {
  AGG,
  agreeing,
  buildData,
  CYCLE_ID,
  GROUP_WEIGHT,
  INCREASE,
  ITEM_GROUP,
  ITEM_WEIGHT,
  KPIS,
  MONTHS,
  PEOPLE,
  personUnitIndex,
  seed,
  storedScores,
  UNIT_COUNT,
  unitParentIndex,
  type CloseData,
} from './period-close-seed';

const CAP = 1.2;

/** Each person × KPI's yearly actual, aggregated by the KPI's rule (sum, average, Σ numerator ÷ Σ denominator). */
function aggregate(d: CloseData): Float64Array {
  const out = new Float64Array(PEOPLE * KPIS);
  for (let c = 0; c < PEOPLE * KPIS; c++) {
    const agg = AGG[c % KPIS]!;
    let acc = 0;
    let den = 0;
    let n = 0;
    for (let i = c * MONTHS; i < (c + 1) * MONTHS; i++) {
      const v = d.value[i]!;
      if (v !== v) continue;
      if (agg === 2) {
        acc += d.numerator[i]!;
        den += d.denominator[i]!;
      } else acc += v;
      n++;
    }
    out[c] = n === 0 ? Number.NaN : agg === 1 ? acc / n : agg === 2 ? (den === 0 ? Number.NaN : acc / den) : acc;
  }
  return out;
}

const UNIT_PARENT = Int32Array.from({ length: UNIT_COUNT }, (_, u) => unitParentIndex(u));
const PERSON_UNIT = Int32Array.from({ length: PEOPLE }, (_, p) => personUnitIndex(p));

/** Baseline (b): the scoring written inline over typed arrays — items, groups, final, unit and ancestor means. */
function plainLoop(target: Float64Array, actual: Float64Array, score: Float64Array, unitSum: Float64Array, unitPeople: Float64Array): void {
  const gNum = new Float64Array(3);
  const gDen = new Float64Array(3);
  unitSum.fill(0);
  unitPeople.fill(0);
  for (let p = 0; p < PEOPLE; p++) {
    gNum[0] = gNum[1] = gNum[2] = 0;
    gDen[0] = gDen[1] = gDen[2] = 0;
    for (let k = 0; k < KPIS; k++) {
      const a = actual[p * KPIS + k]!;
      if (a !== a) continue;
      const t = target[p * KPIS + k]!;
      let s = INCREASE[k] === 1 ? a / t : a <= 0 ? CAP : t / a;
      s = s < 0 ? 0 : s > CAP ? CAP : s;
      const g = ITEM_GROUP[k]!;
      gNum[g] = gNum[g]! + ITEM_WEIGHT[k]! * s;
      gDen[g] = gDen[g]! + ITEM_WEIGHT[k]!;
    }
    let num = 0;
    let den = 0;
    for (let g = 0; g < 3; g++) {
      if (gDen[g]! > 0) {
        num += GROUP_WEIGHT[g]! * (gNum[g]! / gDen[g]!);
        den += GROUP_WEIGHT[g]!;
      }
    }
    const final = den > 0 ? num / den : Number.NaN;
    score[p] = final;
    if (final !== final) continue;
    for (let u = PERSON_UNIT[p]!; u >= 0; u = UNIT_PARENT[u]!) {
      unitSum[u] = unitSum[u]! + final;
      unitPeople[u] = unitPeople[u]! + 1;
    }
  }
}

/** The same sheets laid out for the product's kernel. */
function flatSheets(target: Float64Array, actual: Float64Array): FlatSheets {
  const N = PEOPLE * KPIS;
  const perGroup = [6, 3, 3];
  const groupItemStart = new Int32Array(PEOPLE * 3 + 1);
  for (let g = 0; g < PEOPLE * 3; g++) groupItemStart[g + 1] = groupItemStart[g]! + perGroup[g % 3]!;
  return {
    sheetGroupStart: Int32Array.from({ length: PEOPLE + 1 }, (_, s) => s * 3),
    groupItemStart,
    groupWeight: Float64Array.from({ length: PEOPLE * 3 }, (_, g) => GROUP_WEIGHT[g % 3]!),
    itemWeight: Float64Array.from({ length: N }, (_, i) => ITEM_WEIGHT[i % KPIS]!),
    kind: new Uint8Array(N).fill(FLAT_KIND.ratio),
    increase: Uint8Array.from({ length: N }, (_, i) => INCREASE[i % KPIS]!),
    floor: new Float64Array(N),
    cap: new Float64Array(N).fill(CAP),
    target,
    value: actual,
    extra: new Float64Array(N).fill(Number.NaN),
    zero: false,
  };
}

/** Clears the sheet and unit results; `items` too: every item result is then stale and must be rewritten. */
async function clearResults(db: Kysely<DB>, items: boolean): Promise<void> {
  await sql`UPDATE appraisal_sheets SET own_score = NULL, score = NULL, grade = NULL`.execute(db);
  await sql`DELETE FROM appraisal_unit_results`.execute(db);
  if (items) await sql`UPDATE appraisal_items SET actual = NULL, achievement = NULL, score = NULL`.execute(db);
}

async function storedUnitMeans(db: Kysely<DB>): Promise<Float64Array> {
  const out = new Float64Array(UNIT_COUNT).fill(Number.NaN);
  for (const r of await db.selectFrom('appraisal_unit_results').select(['unit_id', 'mean_score']).execute()) out[r.unit_id - 1] = r.mean_score ?? Number.NaN;
  return out;
}

const bench: Bench = {
  name: 'period-close',
  async run({ engines, log }): Promise<Measurement[]> {
    const data = buildData();
    const actual = aggregate(data);
    const plainScore = new Float64Array(PEOPLE);
    const unitSum = new Float64Array(UNIT_COUNT);
    const unitPeople = new Float64Array(UNIT_COUNT);
    plainLoop(data.target, actual, plainScore, unitSum, unitPeople);
    const plainUnitMean = unitSum.map((s, u) => (unitPeople[u]! > 0 ? s / unitPeople[u]! : Number.NaN));
    const flat = flatSheets(data.target, actual);
    const kernel = () => {
      const r = scoreFlat(flat);
      return unitMeans(UNIT_PARENT, PERSON_UNIT, r.sheetScore);
    };
    const kernelAgrees =
      agreeing('scoreFlat vs TypedArray loop', scoreFlat(flat).sheetScore, plainScore, log) && agreeing('unitMeans vs TypedArray loop', kernel().mean, plainUnitMean, log);
    const plainOps = await measure(50, () => plainLoop(data.target, actual, plainScore, unitSum, unitPeople));
    const kernelOps = await measure(50, kernel);
    const size = `${PEOPLE.toLocaleString('en-US')} people × ${KPIS} KPIs × ${MONTHS} months`;
    const results: Measurement[] = [
      {
        name: 'period close in-memory kernel (scoreFlat + unitMeans)',
        engine: 'memory',
        value: 1000 / kernelOps,
        unit: 'ms',
        baseline: 'plain TypedArray loop',
        baselineValue: 1000 / plainOps,
        better: 'lower',
        agree: kernelAgrees,
        note: `${size}; every person's score and unit mean equal to 1e-9; goal ratio ≥ 0.5`,
      },
    ];

    const perEngine = await onEachEngine(engines, async (engine, database) => {
      const db = database.db;
      const seeding = await time(() => seed(db, data));
      log(`    ${engine}: seeded with COPY in ${seeding.toFixed(1)} s`);
      const store = createStore(db);
      // Two cases: every item result stale (cleared: closeCycle must rewrite all 120,000, as the hand-written statement
      // always does), and item results already fresh (as check-ins keep them: closeCycle recomputes everything and
      // rewrites only what differs; the hand-written statement rewrites every row whatever it held).
      const stale: number[] = [];
      const fresh: number[] = [];
      const handSql: number[] = [];
      let agree = true;
      for (let round = 0; round < 2; round++) {
        await clearResults(db, true);
        handSql.push(await time(() => db.transaction().execute((tx) => handWrittenSql(tx))));
        const sqlScores = await storedScores(db);
        const sqlUnits = await storedUnitMeans(db);
        for (const [items, list] of [[true, stale], [false, fresh]] as const) {
          await clearResults(db, items);
          list.push(await time(() => store.transaction((tx) => closeCycle(tx, CYCLE_ID))));
          const productScores = await storedScores(db);
          const productUnits = await storedUnitMeans(db);
          agree &&=
            agreeing(`${engine}: closeCycle vs hand-written SQL`, productScores, sqlScores, log) &&
            agreeing(`${engine}: closeCycle vs TypedArray loop`, productScores, plainScore, log) &&
            agreeing(`${engine}: unit means, closeCycle vs hand-written SQL`, productUnits, sqlUnits, log) &&
            agreeing(`${engine}: unit means, closeCycle vs TypedArray loop`, productUnits, plainUnitMean, log);
        }
      }
      const ms = (xs: number[]) => xs.map((x) => (x * 1000).toFixed(0)).join(' / ');
      log(`    ${engine}: closeCycle ${ms(stale)} ms (item results stale), ${ms(fresh)} ms (fresh); hand-written SQL ${ms(handSql)} ms`);
      return [
        { list: stale, label: 'every item result stale' },
        { list: fresh, label: 'item results already fresh' },
      ].map(({ list, label }): Measurement => ({
        name: `period close (${label})`,
        engine,
        value: 1000 * Math.min(...list),
        unit: 'ms',
        baseline: 'one hand-written SQL statement',
        baselineValue: 1000 * Math.min(...handSql),
        better: 'lower',
        agree,
        note: `${size}; best of 2; every person's score and unit mean equal to 1e-9 three ways (closeCycle, SQL, TypedArray loop)`,
      }));
    });
    return [...perEngine.flat(), ...results];
  },
};

export default bench;
