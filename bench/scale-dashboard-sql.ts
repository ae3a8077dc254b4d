import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema';

/** One unit's dashboard numbers, as the hand-written statement computes them. */
export interface UnitNumbers {
  kpiCount: number;
  /** Σ achievement of the unit's KPIs that have one. */
  achievementSum: number;
  /** Mean of the unit's own KPI scores; NaN = none. */
  score: number;
  /** Σ ÷ count of every KPI score in the unit and the units below it; NaN = none. */
  rolledScore: number;
}

/**
 * The unit dashboard of a past month by hand, in one statement: per active unit × active KPI, the unit's target and
 * actual stored for exactly that month (a KPI with neither is not shown), achievement by the ratio rule, score
 * clamped to the KPI's [floor, cap] (default 0 … 1.2); per unit the KPI count, Σ achievement, the mean own score and
 * the rolled score over its subtree. For a generated company (monthly KPIs, no owner units, a complete month).
 */
export async function scaleDashboardSql(db: Kysely<DB>, period: string): Promise<Map<number, UnitNumbers>> {
  const { rows } = await sql<{ unit_id: number; kpis: string | null; achievement_sum: number | null; score: number | null; rolled: number | null }>`
    WITH RECURSIVE unit AS (
      SELECT id, parent_id FROM org_units WHERE archived_at IS NULL
    ), cell AS (
      SELECT coalesce(t.scope_id, a.scope_id) AS unit_id, coalesce(t.kpi_id, a.kpi_id) AS kpi_id, t.value::float8 AS target, a.value::float8 AS actual
      FROM (SELECT scope_id, kpi_id, value FROM kpi_targets WHERE scope_type = 'unit' AND period_kind = 'month' AND period_key = ${period}) t
      FULL JOIN (SELECT scope_id, kpi_id, value FROM kpi_actuals WHERE scope_type = 'unit' AND period_kind = 'month' AND period_key = ${period}) a
        ON a.scope_id = t.scope_id AND a.kpi_id = t.kpi_id
    ), scored AS (
      SELECT c.unit_id, x.achievement,
        -- GREATEST and LEAST skip NULLs: no achievement must stay no score
        CASE WHEN x.achievement IS NOT NULL THEN LEAST(coalesce((k.scoring->>'cap')::float8, 1.2), GREATEST(coalesce((k.scoring->>'floor')::float8, 0), x.achievement)) END AS score
      FROM cell c JOIN unit u ON u.id = c.unit_id JOIN kpis k ON k.id = c.kpi_id AND k.status = 'active'
      CROSS JOIN LATERAL (SELECT CASE
          WHEN c.actual IS NULL OR c.target IS NULL THEN NULL
          WHEN k.direction <> 'decrease' THEN CASE WHEN c.target > 0 THEN c.actual / c.target WHEN c.target = 0 THEN (c.actual >= 0)::int::float8
            ELSE 1 + (c.actual - c.target) / -c.target END
          WHEN c.target < 0 THEN 1 + (c.target - c.actual) / -c.target
          WHEN c.actual <= 0 THEN coalesce((k.scoring->>'cap')::float8, 1.2)
          ELSE c.target / c.actual END AS achievement) x
    ), own AS (
      SELECT unit_id, count(*) AS kpis, sum(achievement) AS achievement_sum, avg(score) AS score, sum(score) AS score_sum, count(score) AS scored
      FROM scored GROUP BY unit_id
    ), up(unit_id, ancestor_id) AS (
      SELECT id, id FROM unit
      UNION ALL
      SELECT up.unit_id, u.parent_id FROM up JOIN unit u ON u.id = up.ancestor_id WHERE u.parent_id IS NOT NULL
    ), rolled AS (
      SELECT up.ancestor_id AS unit_id, sum(o.score_sum) / NULLIF(sum(o.scored), 0) AS rolled FROM up JOIN own o ON o.unit_id = up.unit_id GROUP BY up.ancestor_id
    )
    SELECT u.id AS unit_id, o.kpis, o.achievement_sum, o.score, r.rolled
    FROM unit u LEFT JOIN own o ON o.unit_id = u.id LEFT JOIN rolled r ON r.unit_id = u.id`.execute(db);
  const nan = (x: number | null) => (x === null ? Number.NaN : Number(x));
  return new Map(
    rows.map((r) => [r.unit_id, { kpiCount: Number(r.kpis ?? 0), achievementSum: r.achievement_sum === null ? 0 : Number(r.achievement_sum), score: nan(r.score), rolledScore: nan(r.rolled) }]),
  );
}
