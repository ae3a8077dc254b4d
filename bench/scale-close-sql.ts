import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema';

/**
 * The period close of a generated company by hand, written from the rules in docs/evaluation-results.md (not from
 * the app's code): two set-based statements that compute and store what closeCycle stores for scores —
 *
 * - item actual: the person's rows of the KPI's own period kind inside the sheet's dates, rolled up by the KPI's
 *   aggregation (sum, avg, min, max, last, Σ numerator ÷ Σ denominator);
 * - item achievement by the ratio rule (direction, target sign, actual ≤ 0 on "lower is better" → cap), score
 *   clamped to the KPI's [floor, cap] (default 0 … 1.2);
 * - group and sheet score: weighted means over the groups the sheet lists, missing values renormalized (or counted
 *   as 0 when the cycle says `zero`); a sheet whose weights do not total exactly 100 at each level, with an empty
 *   group or an item's floor above its cap gets no item, group or sheet score;
 * - the person's score: days × own score ÷ days over their sheets in the cycle; grade: the latest sheet's
 *   calibrated grade, else the cycle band with the highest minimum the score (rounded to 9 decimals) reaches, else
 *   the lowest band;
 * - unit results: people, Σ and mean of the scores of everyone whose latest sheet is in the unit or below it.
 *
 * What it does not store (closeCycle does): group scores in the sheet's JSON, coefficient and bonus. It covers the
 * items a generated company has — KPI items scored by ratio; `assertSupported` refuses any other cycle.
 */
export async function scaleCloseSql(db: Kysely<DB>, cycleId: number): Promise<void> {
  await sql`DELETE FROM appraisal_unit_results WHERE cycle_id = ${cycleId}`.execute(db);
  await closeStatement(cycleId).execute(db);
}

/** The second statement of `scaleCloseSql`: computes and stores items, sheets and unit results (for EXPLAIN too). */
export function closeStatement(cycleId: number) {
  return sql`
    WITH RECURSIVE cyc AS (
      SELECT starts_on, ends_on, missing, bands FROM appraisal_cycles WHERE id = ${cycleId}
    ), sh AS (
      SELECT id, person_id, unit_id, starts_on, ends_on, calibrated_grade, groups FROM appraisal_sheets WHERE cycle_id = ${cycleId}
    ), listed AS (
      SELECT sh.id AS sheet_id, g->>'code' AS code, (g->>'weight')::numeric AS weight FROM sh CROSS JOIN LATERAL jsonb_array_elements(sh.groups) g
    ), it AS (
      SELECT i.id, i.sheet_id, i.group_code, i.weight, i.target::float8 AS target, i.kpi_id, k.direction = 'decrease' AS lower_better, k.aggregation,
        CASE k.frequency WHEN 'weekly' THEN 'week' WHEN 'quarterly' THEN 'quarter' WHEN 'yearly' THEN 'year' ELSE 'month' END AS kind,
        coalesce((k.scoring->>'floor')::float8, 0) AS floor, coalesce((k.scoring->>'cap')::float8, 1.2) AS cap
      FROM appraisal_items i JOIN sh ON sh.id = i.sheet_id JOIN kpis k ON k.id = i.kpi_id
    ), tot AS (
      SELECT it.id AS item_id, (CASE it.aggregation
          WHEN 'sum' THEN sum(a.value) WHEN 'avg' THEN avg(a.value) WHEN 'min' THEN min(a.value) WHEN 'max' THEN max(a.value)
          WHEN 'last' THEN (array_agg(a.value ORDER BY a.period_start DESC) FILTER (WHERE it.aggregation = 'last'))[1]
          WHEN 'ratio' THEN sum(a.numerator) / NULLIF(sum(a.denominator), 0) END)::float8 AS actual
      FROM it JOIN sh ON sh.id = it.sheet_id
      JOIN kpi_actuals a ON a.scope_type = 'person' AND a.scope_id = sh.person_id AND a.kpi_id = it.kpi_id AND a.period_kind = it.kind
        AND a.period_start >= sh.starts_on AND a.period_end <= sh.ends_on
      GROUP BY it.id, it.aggregation
    ), ach AS (
      SELECT it.*, t.actual, CASE
          WHEN t.actual IS NULL OR it.target IS NULL THEN NULL
          WHEN NOT it.lower_better THEN CASE WHEN it.target > 0 THEN t.actual / it.target WHEN it.target = 0 THEN (t.actual >= 0)::int::float8
            ELSE 1 + (t.actual - it.target) / -it.target END
          WHEN it.target < 0 THEN 1 + (it.target - t.actual) / -it.target
          WHEN t.actual <= 0 THEN it.cap
          ELSE it.target / t.actual END AS achievement
      FROM it LEFT JOIN tot t ON t.item_id = it.id
    ), sc AS (
      -- GREATEST and LEAST skip NULLs: no achievement must stay no score
      SELECT *, CASE WHEN achievement IS NOT NULL THEN LEAST(cap, GREATEST(floor, achievement)) END AS score FROM ach
    ), grp AS (
      SELECT l.sheet_id, l.weight, count(sc.id) AS items, sum(sc.weight) AS item_weights, bool_or(sc.weight < 0 OR sc.floor > sc.cap) AS bad_item,
        coalesce(sum(sc.weight::float8 * sc.score), 0)
          / NULLIF(CASE WHEN c.missing = 'zero' THEN sum(sc.weight::float8) ELSE sum(sc.weight::float8) FILTER (WHERE sc.score IS NOT NULL) END, 0) AS score
      FROM listed l CROSS JOIN cyc c LEFT JOIN sc ON sc.sheet_id = l.sheet_id AND sc.group_code = l.code
      GROUP BY l.sheet_id, l.code, l.weight, c.missing
    ), fin AS (
      SELECT g.sheet_id, NOT (bool_or(g.items = 0 OR g.item_weights <> 100 OR g.bad_item OR g.weight < 0) OR sum(g.weight) <> 100) AS valid,
        coalesce(sum(g.weight::float8 * g.score), 0)
          / NULLIF(CASE WHEN c.missing = 'zero' THEN sum(g.weight::float8) ELSE sum(g.weight::float8) FILTER (WHERE g.score IS NOT NULL) END, 0) AS score
      FROM grp g CROSS JOIN cyc c GROUP BY g.sheet_id, c.missing
    ), own AS (
      SELECT sh.id AS sheet_id, sh.person_id, f.valid, CASE WHEN f.valid THEN f.score END AS score,
        GREATEST(0, LEAST(sh.ends_on, c.ends_on) - GREATEST(sh.starts_on, c.starts_on) + 1) AS days
      FROM sh CROSS JOIN cyc c LEFT JOIN fin f ON f.sheet_id = sh.id
    ), person AS (
      SELECT person_id, sum(days * score) FILTER (WHERE score IS NOT NULL) / NULLIF(sum(days) FILTER (WHERE score IS NOT NULL), 0) AS score
      FROM own GROUP BY person_id
    ), latest AS (
      SELECT DISTINCT ON (person_id) person_id, unit_id, calibrated_grade FROM sh ORDER BY person_id, starts_on DESC, id
    ), result AS (
      SELECT p.person_id, p.score, l.unit_id, coalesce(l.calibrated_grade, (
          SELECT b->>'grade' FROM cyc c CROSS JOIN LATERAL jsonb_array_elements(c.bands) b
          CROSS JOIN LATERAL (SELECT round(p.score::numeric, 9) >= (b->>'min')::numeric AS reached, (b->>'min')::numeric AS min) x
          WHERE p.score IS NOT NULL
          ORDER BY x.reached DESC, CASE WHEN x.reached THEN -x.min ELSE x.min END
          LIMIT 1)) AS grade
      FROM person p JOIN latest l USING (person_id)
    ), up(unit_id, ancestor_id) AS (
      SELECT id, id FROM org_units
      UNION ALL
      SELECT up.unit_id, u.parent_id FROM up JOIN org_units u ON u.id = up.ancestor_id WHERE u.parent_id IS NOT NULL
    ), items_written AS (
      UPDATE appraisal_items i SET actual = sc.actual, achievement = CASE WHEN o.valid THEN sc.achievement END, score = CASE WHEN o.valid THEN sc.score END
      FROM sc JOIN own o ON o.sheet_id = sc.sheet_id WHERE i.id = sc.id
    ), sheets_written AS (
      UPDATE appraisal_sheets s SET own_score = o.score, score = r.score, grade = r.grade
      FROM own o JOIN result r ON r.person_id = o.person_id WHERE s.id = o.sheet_id
    )
    INSERT INTO appraisal_unit_results (cycle_id, unit_id, people, score_sum, mean_score)
    SELECT ${cycleId}, up.ancestor_id, count(*), sum(r.score), avg(r.score)
    FROM result r JOIN up ON up.unit_id = r.unit_id WHERE r.score IS NOT NULL
    GROUP BY up.ancestor_id`;
}

/** Refuses a cycle with items this statement does not score (rated items, a method other than ratio, "in a range"). */
export async function assertSupported(db: Kysely<DB>, cycleId: number): Promise<void> {
  const { rows } = await sql<{ unsupported: string }>`
    SELECT count(*) AS unsupported FROM appraisal_items i JOIN appraisal_sheets s ON s.id = i.sheet_id LEFT JOIN kpis k ON k.id = i.kpi_id
    WHERE s.cycle_id = ${cycleId}
      AND (i.kind <> 'kpi' OR k.id IS NULL OR k.direction NOT IN ('increase', 'decrease') OR coalesce(k.scoring->'method'->>'kind', 'ratio') <> 'ratio')`.execute(db);
  const n = Number(rows[0]!.unsupported);
  if (n > 0) throw new Error(`scale-close-sql scores KPI items by ratio only; cycle ${cycleId} has ${n} other items`);
}

/** Clears what a close stores (item, sheet and unit results), so the next close starts from stale results. */
export async function clearCloseResults(db: Kysely<DB>, cycleId: number): Promise<void> {
  await sql`UPDATE appraisal_items SET actual = NULL, achievement = NULL, score = NULL WHERE sheet_id IN (SELECT id FROM appraisal_sheets WHERE cycle_id = ${cycleId})`.execute(db);
  await sql`UPDATE appraisal_sheets SET own_score = NULL, score = NULL, grade = NULL, coefficient = NULL, bonus = NULL WHERE cycle_id = ${cycleId}`.execute(db);
  await sql`DELETE FROM appraisal_unit_results WHERE cycle_id = ${cycleId}`.execute(db);
  await sql`VACUUM ANALYZE appraisal_items, appraisal_sheets, appraisal_unit_results`.execute(db);
}
