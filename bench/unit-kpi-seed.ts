import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema';

/**
 * The company of the scorecard and dashboard benchmarks: 1,000 units in a two-level tree, 50 KPIs (every 10th a
 * ratio, every 5th "lower is better"), 12 months of unit actuals and a 2025 target per unit × KPI (600,000 actuals).
 * A past, complete year: in the current one the dashboard measures against the target due so far (pace).
 */
export const UNITS = Number(process.env.BENCH_UNITS ?? 1_000);
export const KPIS = 50;
export const MONTHS = 12;

export async function seedUnitKpis(db: Kysely<DB>): Promise<void> {
  await sql`INSERT INTO org_units (id, code, name, parent_id)
    SELECT g, 'U' || g, 'Đơn vị ' || g, CASE WHEN g = 1 THEN NULL WHEN g <= 10 THEN 1 ELSE 2 + (g % 9) END
    FROM generate_series(1, ${UNITS}) g`.execute(db);
  await sql`INSERT INTO kpis (id, code, name, level, perspective, direction, aggregation, frequency, status)
    SELECT k, 'K' || lpad(k::text, 2, '0'), 'KPI ' || k, 'operational', 'financial',
           CASE WHEN k % 5 = 0 THEN 'decrease' ELSE 'increase' END,
           CASE WHEN k % 10 = 0 THEN 'ratio' ELSE 'sum' END, 'monthly', 'active'
    FROM generate_series(1, ${KPIS}) k`.execute(db);
  await sql`INSERT INTO kpi_actuals (kpi_id, period_key, period_kind, period_start, period_end, scope_type, scope_id, value, numerator, denominator, source)
    SELECT k, '2025-' || lpad(m::text, 2, '0'), 'month', make_date(2025, m, 1), (make_date(2025, m, 1) + interval '1 month - 1 day')::date,
           'unit', u,
           CASE WHEN k % 10 = 0 THEN (40 + (u * 7 + k * 13 + m * 3) % 40) / 100.0 ELSE 80 + (u * 7 + k * 13 + m * 3) % 40 END,
           CASE WHEN k % 10 = 0 THEN 40 + (u * 7 + k * 13 + m * 3) % 40 END,
           CASE WHEN k % 10 = 0 THEN 100 END, 'import'
    FROM generate_series(1, ${UNITS}) u, generate_series(1, ${KPIS}) k, generate_series(1, ${MONTHS}) m`.execute(db);
  await sql`INSERT INTO kpi_targets (kpi_id, period_key, period_kind, period_start, period_end, scope_type, scope_id, value)
    SELECT k, '2025', 'year', DATE '2025-01-01', DATE '2025-12-31', 'unit', u, CASE WHEN k % 10 = 0 THEN 0.55 ELSE 1200 END
    FROM generate_series(1, ${UNITS}) u, generate_series(1, ${KPIS}) k`.execute(db);
  for (const table of ['org_units', 'kpis']) {
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(db);
  }
  await sql`ANALYZE`.execute(db);
}

/**
 * The baseline, by hand: each unit's own 2025 score in one SQL statement — the year's actual per unit × KPI (Σ values,
 * or Σ numerator ÷ Σ denominator for a ratio), achievement against the target (inverted when lower is better), capped
 * to 0…1.2, averaged over the unit's KPIs. Returns unit id → score.
 */
export async function handWrittenUnitScores(db: Kysely<DB>, unitId?: number): Promise<Map<number, number>> {
  const oneUnit = unitId === undefined ? sql`` : sql`AND a.scope_id = ${unitId}`;
  const r = await sql<{ unit_id: number; score: number }>`
    WITH cell AS (
      SELECT a.scope_id AS unit_id, a.kpi_id, sum(a.value)::float8 AS total, sum(a.numerator)::float8 AS num, sum(a.denominator)::float8 AS den
      FROM kpi_actuals a
      WHERE a.scope_type = 'unit' AND a.period_kind = 'month' AND a.period_start >= DATE '2025-01-01' AND a.period_end <= DATE '2025-12-31' ${oneUnit}
      GROUP BY a.scope_id, a.kpi_id
    ), scored AS (
      SELECT c.unit_id, LEAST(1.2, GREATEST(0, CASE WHEN k.direction = 'decrease' THEN t.value::float8 / x.actual ELSE x.actual / t.value::float8 END)) AS score
      FROM cell c
      JOIN kpis k ON k.id = c.kpi_id
      CROSS JOIN LATERAL (SELECT CASE WHEN k.aggregation = 'ratio' THEN c.num / c.den ELSE c.total END AS actual) x
      JOIN kpi_targets t ON t.kpi_id = c.kpi_id AND t.scope_type = 'unit' AND t.scope_id = c.unit_id AND t.period_key = '2025'
    )
    SELECT unit_id, avg(score) AS score FROM scored GROUP BY unit_id ORDER BY unit_id`.execute(db);
  return new Map(r.rows.map((row) => [row.unit_id, Number(row.score)]));
}
