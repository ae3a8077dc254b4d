import { sql, type Kysely } from 'kysely';
import { closeCycle } from '../src/app/appraisal/results/refresh';
import { FLAT_KIND, scoreFlat, type FlatSheets } from '../src/core/appraisal/score-flat';
import { unitMeans } from '../src/core/appraisal/unit-means';
import type { DB } from '../src/db/schema';
import { createStore } from '../src/db/store';
import { measure, time, type Bench, type BenchResult } from './harness';
import {
  AGG,
  assertAgree,
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
  withEngines,
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

/** Baseline (a): one hand-written statement that computes and stores the same results. */
async function handWrittenSql(db: Kysely<DB>): Promise<void> {
  await sql`
    WITH RECURSIVE agg AS (
      SELECT i.id AS item_id, i.sheet_id, i.group_code, i.weight::float8 AS w, i.target::float8 AS target, k.direction,
        coalesce((k.scoring->>'cap')::float8, 1.2) AS cap, coalesce((k.scoring->>'floor')::float8, 0) AS floor,
        (CASE k.aggregation WHEN 'sum' THEN sum(a.value) WHEN 'avg' THEN avg(a.value)
          WHEN 'ratio' THEN sum(a.numerator) / NULLIF(sum(a.denominator), 0) END)::float8 AS actual
      FROM appraisal_items i
      JOIN appraisal_sheets s ON s.id = i.sheet_id
      JOIN kpis k ON k.id = i.kpi_id
      LEFT JOIN kpi_actuals a ON a.scope_type = 'person' AND a.scope_id = s.person_id AND a.kpi_id = i.kpi_id
        AND a.period_kind = 'month' AND a.period_start >= s.starts_on AND a.period_end <= s.ends_on
      WHERE s.cycle_id = ${CYCLE_ID}
      GROUP BY i.id, k.id
    ), ach AS (
      SELECT *, CASE WHEN actual IS NULL OR target IS NULL THEN NULL
        WHEN direction = 'increase' THEN CASE WHEN target > 0 THEN actual / target WHEN target = 0 THEN (actual >= 0)::int ELSE 1 + (actual - target) / -target END
        ELSE CASE WHEN target < 0 THEN 1 + (target - actual) / -target WHEN actual <= 0 THEN cap ELSE target / actual END END AS achievement
      FROM agg
    ), sc AS (
      SELECT *, LEAST(cap, GREATEST(floor, achievement)) AS score FROM ach
    ), grp AS (
      SELECT sheet_id, group_code, sum(w * score) / NULLIF(sum(w) FILTER (WHERE score IS NOT NULL), 0) AS score FROM sc GROUP BY sheet_id, group_code
    ), fin AS (
      SELECT s.id AS sheet_id, s.unit_id,
        sum((g.grp->>'weight')::float8 * grp.score) / NULLIF(sum((g.grp->>'weight')::float8) FILTER (WHERE grp.score IS NOT NULL), 0) AS score
      FROM appraisal_sheets s CROSS JOIN LATERAL jsonb_array_elements(s.groups) AS g(grp)
      LEFT JOIN grp ON grp.sheet_id = s.id AND grp.group_code = g.grp->>'code'
      WHERE s.cycle_id = ${CYCLE_ID}
      GROUP BY s.id
    ), anc(unit_id, score) AS (
      SELECT unit_id, score FROM fin WHERE score IS NOT NULL
      UNION ALL
      SELECT u.parent_id, anc.score FROM anc JOIN org_units u ON u.id = anc.unit_id WHERE u.parent_id IS NOT NULL
    ), items_up AS (
      UPDATE appraisal_items i SET actual = sc.actual, achievement = sc.achievement, score = sc.score FROM sc WHERE i.id = sc.item_id
    ), sheets_up AS (
      UPDATE appraisal_sheets s SET own_score = fin.score, score = fin.score,
        grade = CASE WHEN fin.score IS NULL THEN NULL WHEN round(fin.score::numeric, 9) >= 1.05 THEN 'A' WHEN round(fin.score::numeric, 9) >= 0.95 THEN 'B'
          WHEN round(fin.score::numeric, 9) >= 0.8 THEN 'C' ELSE 'D' END
      FROM fin WHERE s.id = fin.sheet_id
    )
    INSERT INTO appraisal_unit_results AS r (cycle_id, unit_id, people, score_sum, mean_score)
    SELECT ${CYCLE_ID}, unit_id, count(*), sum(score), avg(score) FROM anc GROUP BY unit_id
    ON CONFLICT (cycle_id, unit_id) DO UPDATE SET people = excluded.people, score_sum = excluded.score_sum, mean_score = excluded.mean_score`.execute(db);
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
  name: `Period close (${PEOPLE.toLocaleString('en-US')} people × ${KPIS} KPIs × ${MONTHS} months = ${((PEOPLE * KPIS * MONTHS) / 1e6).toFixed(2)}M values)`,
  async run() {
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
    assertAgree('scoreFlat vs TypedArray loop', scoreFlat(flat).sheetScore, plainScore);
    assertAgree('unitMeans vs TypedArray loop', kernel().mean, plainUnitMean);

    const results: BenchResult[] = [];
    const plainOps = await measure(50, () => plainLoop(data.target, actual, plainScore, unitSum, unitPeople));
    const kernelOps = await measure(50, kernel);
    const fullLoop = await time(() => plainLoop(data.target, aggregate(data), plainScore, unitSum, unitPeople));
    results.push({
      name: 'in-memory kernel (scoreFlat + unitMeans)',
      unit: 'period close',
      opsPerSec: kernelOps,
      baselineName: 'plain TypedArray loop',
      baselineOpsPerSec: plainOps,
      note: `goal ratio ≥ 0.5 (within 2×); the loop from the 1.44M monthly values, aggregation included: ${(fullLoop * 1000).toFixed(0)} ms`,
    });

    const perEngine = await withEngines(async (engine, database) => {
      const db = database.db;
      const seeding = await time(() => seed(db, data));
      process.stdout.write(`    ${engine}: seeded with COPY in ${seeding.toFixed(1)} s\n`);
      const store = createStore(db);
      // Two cases: every item result stale (cleared: closeCycle must rewrite all 120,000, as the hand-written statement
      // always does), and item results already fresh (as check-ins keep them: closeCycle recomputes everything and
      // rewrites only what differs; the hand-written statement rewrites every row whatever it held).
      const stale: number[] = [];
      const fresh: number[] = [];
      const handSql: number[] = [];
      for (let round = 0; round < 2; round++) {
        await clearResults(db, true);
        handSql.push(await time(() => db.transaction().execute((tx) => handWrittenSql(tx))));
        const sqlScores = await storedScores(db);
        const sqlUnits = await storedUnitMeans(db);
        for (const [items, list] of [[true, stale], [false, fresh]] as const) {
          await clearResults(db, items);
          list.push(await time(() => store.transaction((tx) => closeCycle(tx, CYCLE_ID))));
          const productScores = await storedScores(db);
          assertAgree(`closeCycle vs hand-written SQL (${engine})`, productScores, sqlScores);
          assertAgree(`closeCycle vs TypedArray loop (${engine})`, productScores, plainScore);
          assertAgree(`unit means: closeCycle vs hand-written SQL (${engine})`, await storedUnitMeans(db), sqlUnits);
          assertAgree(`unit means: closeCycle vs TypedArray loop (${engine})`, await storedUnitMeans(db), plainUnitMean);
        }
      }
      const s = Math.min(...handSql);
      const ms = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');
      process.stdout.write(
        `    ${engine}: closeCycle ${ms(stale)} s (item results stale), ${ms(fresh)} s (fresh); hand-written SQL ${ms(handSql)} s; every person's score agrees to 1e-9 (3 ways)\n`,
      );
      return [
        { list: stale, label: 'every item result stale' },
        { list: fresh, label: 'item results already fresh' },
      ].map(({ list, label }): BenchResult => {
        const p = Math.min(...list);
        return {
          name: `closeCycle end to end (${engine}, ${label}: read, aggregate, score, grade, unit means, store)`,
          unit: 'period close',
          opsPerSec: 1 / p,
          baselineName: 'one hand-written SQL statement',
          baselineOpsPerSec: 1 / s,
          note: `${(p * 1000).toFixed(0)} ms vs ${(s * 1000).toFixed(0)} ms (best of 2); goal ratio ≥ 1`,
        };
      });
    });
    return [...perEngine.flat(), ...results];
  },
};

export default bench;
