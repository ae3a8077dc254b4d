import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { getScorecard, getUnitDashboard } from '../src/app/evaluation';
import type { Database } from '../src/db/connect';
import type { DB } from '../src/db/schema';
import { createStore } from '../src/db/store';
import { freshDatabase } from '../test/helpers/db';
import { measure, time, type Bench, type BenchResult } from './harness';

const UNITS = 1_000;
const KPIS = 50;
const MONTHS = 12;

/** 1,000 units in a two-level tree, 50 KPIs (every 10th a ratio, every 5th a decrease), 12 months of unit actuals, a 2026 target per unit × KPI. */
async function load(db: Kysely<DB>): Promise<void> {
  await sql`INSERT INTO org_units (id, code, name, parent_id)
    SELECT g, 'U' || g, 'Đơn vị ' || g, CASE WHEN g = 1 THEN NULL WHEN g <= 10 THEN 1 ELSE 2 + (g % 9) END
    FROM generate_series(1, ${UNITS}) g`.execute(db);
  await sql`INSERT INTO kpis (id, code, name, level, perspective, direction, aggregation, frequency, status)
    SELECT k, 'K' || lpad(k::text, 2, '0'), 'KPI ' || k, 'operational', 'financial',
           CASE WHEN k % 5 = 0 THEN 'decrease' ELSE 'increase' END,
           CASE WHEN k % 10 = 0 THEN 'ratio' ELSE 'sum' END, 'monthly', 'active'
    FROM generate_series(1, ${KPIS}) k`.execute(db);
  await sql`INSERT INTO kpi_actuals (kpi_id, period_key, period_kind, period_start, period_end, scope_type, scope_id, value, numerator, denominator, source)
    SELECT k, '2026-' || lpad(m::text, 2, '0'), 'month', make_date(2026, m, 1), (make_date(2026, m, 1) + interval '1 month - 1 day')::date,
           'unit', u,
           CASE WHEN k % 10 = 0 THEN (40 + (u * 7 + k * 13 + m * 3) % 40) / 100.0 ELSE 80 + (u * 7 + k * 13 + m * 3) % 40 END,
           CASE WHEN k % 10 = 0 THEN 40 + (u * 7 + k * 13 + m * 3) % 40 END,
           CASE WHEN k % 10 = 0 THEN 100 END, 'import'
    FROM generate_series(1, ${UNITS}) u, generate_series(1, ${KPIS}) k, generate_series(1, ${MONTHS}) m`.execute(db);
  await sql`INSERT INTO kpi_targets (kpi_id, period_key, period_kind, period_start, period_end, scope_type, scope_id, value)
    SELECT k, '2026', 'year', DATE '2026-01-01', DATE '2026-12-31', 'unit', u, CASE WHEN k % 10 = 0 THEN 0.55 ELSE 1200 END
    FROM generate_series(1, ${UNITS}) u, generate_series(1, ${KPIS}) k`.execute(db);
  await sql`ANALYZE`.execute(db);
}

/** The plain baseline: read the raw rows and add them up in a JavaScript loop (no tree, no roll-up rules). */
async function baseline(db: Kysely<DB>, unitId?: number): Promise<number> {
  let q = db
    .selectFrom('kpi_actuals')
    .select(['kpi_id', 'scope_id', 'value', 'numerator', 'denominator'])
    .where('period_kind', '=', 'month')
    .where('period_start', '>=', '2026-01-01')
    .where('period_end', '<=', '2026-12-31')
    .where('scope_type', '=', 'unit');
  if (unitId !== undefined) q = q.where('scope_id', '=', unitId);
  const [rows, targets, kpis] = await Promise.all([
    q.execute(),
    db.selectFrom('kpi_targets').select(['kpi_id', 'scope_id', 'value']).where('period_key', '=', '2026').where('scope_type', '=', 'unit').execute(),
    db.selectFrom('kpis').select(['id', 'direction', 'aggregation']).execute(),
  ]);
  const kpi = new Map(kpis.map((k) => [k.id, k] as const));
  const cell = new Map<string, { sum: number; num: number; den: number }>();
  for (const r of rows) {
    const key = `${r.scope_id}|${r.kpi_id}`;
    const c = cell.get(key) ?? { sum: 0, num: 0, den: 0 };
    c.sum += Number(r.value);
    c.num += Number(r.numerator ?? 0);
    c.den += Number(r.denominator ?? 0);
    cell.set(key, c);
  }
  const unitTotals = new Map<number, { sum: number; n: number }>();
  for (const t of targets) {
    const c = cell.get(`${t.scope_id}|${t.kpi_id}`);
    if (!c) continue;
    const k = kpi.get(t.kpi_id)!;
    const actual = k.aggregation === 'ratio' ? c.num / c.den : c.sum;
    const target = Number(t.value);
    const score = Math.min(1.2, Math.max(0, k.direction === 'decrease' ? target / actual : actual / target));
    const u = unitTotals.get(t.scope_id!) ?? { sum: 0, n: 0 };
    u.sum += score;
    u.n += 1;
    unitTotals.set(t.scope_id!, u);
  }
  let total = 0;
  for (const u of unitTotals.values()) total += u.sum / u.n;
  return total / unitTotals.size;
}

async function runOn(engine: 'pglite' | 'postgres'): Promise<BenchResult[]> {
  const database: Database = await freshDatabase(engine);
  try {
    const loadSeconds = await time(() => load(database.db));
    const store = createStore(database.db);
    const dashboard = await getUnitDashboard(store, SYSTEM_ACTOR, { period: '2026' });
    const scored = dashboard.units.filter((u) => u.score !== null);
    const ours = scored.reduce((s, u) => s + u.score!, 0) / scored.length;
    const plain = await baseline(database.db);
    if (Math.abs(ours - plain) > 1e-9) throw new Error(`scorecard bench: average unit score differs: ${ours} vs baseline ${plain}`);

    const dashboardOps = await measure(3, () => getUnitDashboard(store, SYSTEM_ACTOR, { period: '2026' }));
    const baselineOps = await measure(3, () => baseline(database.db));
    const oneUnitOps = await measure(3, () => getScorecard(store, SYSTEM_ACTOR, { period: '2026', scope: { type: 'unit', id: 500 } }));
    const oneUnitBaselineOps = await measure(3, () => baseline(database.db, 500));
    const cells = `${(UNITS * KPIS * MONTHS).toLocaleString('en-US')} actuals`;
    return [
      {
        name: `${engine}: unit dashboard 2026 (GROUP BY in SQL + evaluation + unit roll-up)`,
        unit: 'dashboard',
        opsPerSec: dashboardOps,
        baselineName: 'SELECT raw rows + JS loop',
        baselineOpsPerSec: baselineOps,
        note: `${cells}; ${(1000 / dashboardOps).toFixed(0)} ms vs ${(1000 / baselineOps).toFixed(0)} ms; average unit score ${ours.toFixed(6)} matches; load ${loadSeconds.toFixed(1)} s`,
      },
      {
        name: `${engine}: scorecard of one unit for 2026`,
        unit: 'scorecard',
        opsPerSec: oneUnitOps,
        baselineName: 'SELECT that unit’s rows + JS loop',
        baselineOpsPerSec: oneUnitBaselineOps,
        note: `${(1000 / oneUnitOps).toFixed(0)} ms vs ${(1000 / oneUnitBaselineOps).toFixed(0)} ms`,
      },
    ];
  } finally {
    await database.close();
  }
}

const bench: Bench = {
  name: `Scorecard and unit roll-up end to end (${UNITS.toLocaleString('en-US')} units × ${KPIS} KPIs × ${MONTHS} months)`,
  async run() {
    const results = await runOn('pglite');
    if (process.env.DATABASE_URL) results.push(...(await runOn('postgres')));
    return results;
  },
};

export default bench;
