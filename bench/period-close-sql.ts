import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema';
import { CYCLE_ID } from './period-close-seed';

/** The period close by hand: one SQL statement that computes and stores the same results as closeCycle. */
export async function handWrittenSql(db: Kysely<DB>, cycleId: number = CYCLE_ID): Promise<void> {
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
      WHERE s.cycle_id = ${cycleId}
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
      WHERE s.cycle_id = ${cycleId}
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
    SELECT ${cycleId}, unit_id, count(*), sum(score), avg(score) FROM anc GROUP BY unit_id
    ON CONFLICT (cycle_id, unit_id) DO UPDATE SET people = excluded.people, score_sum = excluded.score_sum, mean_score = excluded.mean_score`.execute(db);
}

