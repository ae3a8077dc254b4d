import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../../test/helpers/db';
import type { Database } from '../../../db/connect';
import { createStore } from '../../../db/store';
import { resolveActor } from '../../actor';
import { getScorecard } from '../../evaluation/scorecard';
import { getUnitDashboard } from '../../evaluation/unit-dashboard';
import { verifyPassword } from '../../passwords';
import { mulberry32 } from '../../demo-actuals/prng';
import { generateCompany, type GenerateSummary } from './generate-company';
import { planOrg } from './org-plan';

const N = 60;
const OPTIONS = { people: N, years: 1, orders: 2_000, seed: 7, today: '2026-12-05' };
// 60 people → teams round(60/11) = 5, divisions max(4, round(5/60)) = 4, departments max(4, round(5/5)) = 4.
const UNITS_BY_DEPTH = { 0: 1, 1: 4, 2: 4, 3: 5 };
// Today 2026-12-05, one year: 12 complete months (2025-12 … 2026-11) with actuals, targets also for 2026-12 (the rest of Q4).
const COMPLETE_MONTHS = 12;
const TARGET_MONTHS = 13;

const one = async <T>(db: Database, query: ReturnType<typeof sql<T>>): Promise<T> => (await query.execute(db.db)).rows[0]!;
const count = async (db: Database, table: string, where = 'true') => Number((await one<{ n: string }>(db, sql`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.raw(where)}`)).n);

/** A checksum of the generated rows that do not depend on the clock (names, tree, values, reports, orders). */
async function checksum(db: Database): Promise<string> {
  const r = await one<{ c: string }>(
    db,
    sql`SELECT md5(
      (SELECT string_agg(concat_ws('|', id, full_name, email, unit_id, position_id, manager_id), ',' ORDER BY id) FROM people) ||
      (SELECT string_agg(concat_ws('|', id, code, name, parent_id), ',' ORDER BY id) FROM org_units) ||
      (SELECT string_agg(concat_ws('|', kpi_id, period_key, scope_type, scope_id, value), ',' ORDER BY kpi_id, period_key, scope_type, scope_id) FROM kpi_targets) ||
      (SELECT string_agg(concat_ws('|', kpi_id, period_key, scope_type, scope_id, value, comment, late, updated_at), ',' ORDER BY kpi_id, period_key, scope_type, scope_id) FROM kpi_actuals) ||
      (SELECT string_agg(concat_ws('|', order_id, ordered_at, customer_id, revenue), ',' ORDER BY order_id) FROM ds_orders)) AS c`,
  );
  return r.c;
}

describe.each(engines())('openkpi demo generate on %s', (engine) => {
  let database: Database;
  let summary: GenerateSummary;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    summary = await generateCompany(database, OPTIONS);
  }, 180_000);
  afterAll(() => database.close());

  it('writes N people with accounts in a 4-level tree where every unit has a head who manages its members', async () => {
    expect(summary).toMatchObject({ people: N, units: 14, kpis: 12 * N, orders: 2_000, admin: 'admin@scale.openkpi.test', unitCode: 'KHOI-01', period: '2026-11' });
    expect(await count(database, 'people')).toBe(N);
    expect(await count(database, 'users')).toBe(N);
    expect(await count(database, 'people', 'user_id IS NULL')).toBe(0);
    const depths = (
      await sql<{ depth: number; n: string }>`
        WITH RECURSIVE tree AS (SELECT id, 0 AS depth FROM org_units WHERE parent_id IS NULL
          UNION ALL SELECT u.id, t.depth + 1 FROM org_units u JOIN tree t ON u.parent_id = t.id)
        SELECT depth, count(*) AS n FROM tree GROUP BY depth ORDER BY depth`.execute(database.db)
    ).rows;
    expect(Object.fromEntries(depths.map((d) => [d.depth, Number(d.n)]))).toEqual(UNITS_BY_DEPTH);
    // Every unit has exactly one manager-role (or the admin's) account among its people, and everyone else in it reports to that head.
    const heads = (
      await sql<{ unit_id: number; heads: string; others_not_reporting: string }>`
        SELECT u.id AS unit_id,
          (SELECT count(*) FROM people p JOIN users s ON s.id = p.user_id WHERE p.unit_id = u.id AND s.role IN ('manager', 'admin')) AS heads,
          (SELECT count(*) FROM people p JOIN users s ON s.id = p.user_id WHERE p.unit_id = u.id AND s.role = 'employee'
             AND p.manager_id NOT IN (SELECT h.id FROM people h JOIN users hs ON hs.id = h.user_id WHERE h.unit_id = u.id AND hs.role = 'manager')) AS others_not_reporting
        FROM org_units u`.execute(database.db)
    ).rows;
    expect(heads).toHaveLength(14);
    expect(heads.every((h) => Number(h.heads) === 1 && Number(h.others_not_reporting) === 0)).toBe(true);
    const admin = await createStore(database.db).users.findByEmail(summary.admin);
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword(summary.password, admin!.passwordHash)).toBe(true);
  });

  it('gives everyone 12 KPIs on one sheet whose group weights and item weights each total 100', async () => {
    expect(await count(database, 'appraisal_sheets')).toBe(N);
    expect(await count(database, 'appraisal_items', "kind = 'kpi'")).toBe(12 * N);
    const perSheet = (await sql<{ n: string }>`SELECT count(*) AS n FROM appraisal_items GROUP BY sheet_id`.execute(database.db)).rows;
    expect(perSheet.every((r) => Number(r.n) === 12)).toBe(true);
    const badGroups = await one<{ n: string }>(
      database,
      sql`SELECT count(*) AS n FROM appraisal_sheets s WHERE (SELECT sum((g->>'weight')::numeric) FROM jsonb_array_elements(s.groups) g) <> 100`,
    );
    expect(Number(badGroups.n)).toBe(0);
    const badItems = await one<{ n: string }>(database, sql`SELECT count(*) AS n FROM (SELECT sheet_id FROM appraisal_items GROUP BY sheet_id, group_code HAVING sum(weight) <> 100) x`);
    expect(Number(badItems.n)).toBe(0);
    // Each KPI item starts from the person's own quarter target.
    expect(await count(database, 'appraisal_items', "kind = 'kpi' AND target IS NOT NULL AND target_status = 'proposed'")).toBe(12 * N);
    expect(await one<{ phase: string }>(database, sql`SELECT phase FROM appraisal_cycles`)).toEqual({ phase: 'track' });
  });

  it('writes monthly person targets, ~5 % gaps and some late check-ins, and unit targets that are the sums of their people', async () => {
    expect(await count(database, 'kpi_targets', "scope_type = 'person' AND period_kind = 'month'")).toBe(12 * N * TARGET_MONTHS);
    expect(await count(database, 'kpi_targets', "scope_type = 'person' AND period_kind = 'quarter'")).toBe(12 * N);
    const slots = 12 * N * COMPLETE_MONTHS;
    const person = await count(database, 'kpi_actuals', "scope_type = 'person'");
    expect(person / slots).toBeGreaterThan(0.9);
    expect(person / slots).toBeLessThan(0.97);
    const late = await count(database, 'kpi_actuals', "scope_type = 'person' AND late");
    expect(late / person).toBeGreaterThan(0.02);
    expect(late / person).toBeLessThan(0.1);
    expect(await count(database, 'kpi_actuals', "scope_type = 'person' AND comment IS NOT NULL")).toBeGreaterThan(0);
    expect(summary.actuals).toBe(await count(database, 'kpi_actuals'));
    // A sum KPI's unit and company targets equal the sum of the targets of the people below (teams: their members).
    const mismatches = await one<{ n: string }>(
      database,
      sql`SELECT count(*) AS n FROM kpi_targets t JOIN kpis k ON k.id = t.kpi_id
          WHERE k.aggregation = 'sum' AND t.period_kind = 'month' AND (t.scope_type = 'company' OR (t.scope_type = 'unit' AND t.scope_id IN (SELECT id FROM org_units WHERE code LIKE 'NHOM-%')))
            AND t.value <> (SELECT sum(p.value) FROM kpi_targets p JOIN people pe ON pe.id = p.scope_id
                            WHERE p.scope_type = 'person' AND p.kpi_id = t.kpi_id AND p.period_key = t.period_key
                              AND (t.scope_type = 'company' OR pe.unit_id = t.scope_id))`,
    );
    expect(Number(mismatches.n)).toBe(0);
    // Every library KPI is used somewhere, so the company has a target for each of the 36 KPIs in every month.
    expect(await count(database, 'kpi_targets', "scope_type = 'company'")).toBe(36 * TARGET_MONTHS);
  });

  it('writes exactly M orders and refuses to run again, changing nothing', async () => {
    expect(await count(database, 'ds_orders')).toBe(2_000);
    const before = await checksum(database);
    await expect(generateCompany(database, OPTIONS)).rejects.toMatchObject({ code: 'DEMO_DATABASE_NOT_EMPTY' });
    expect(await checksum(database)).toBe(before);
    expect(await count(database, 'people')).toBe(N);
  });

  it("lets the app read it: the manager's scorecard and unit dashboard have numbers for the latest month", async () => {
    const store = createStore(database.db);
    const user = (await store.users.findByEmail(summary.manager))!;
    const actor = await resolveActor(store, user);
    const unit = (await store.units.findByCode(summary.unitCode))!;
    const now = new Date('2026-12-05T03:00:00Z');
    const card = await getScorecard(store, actor, { period: summary.period, scope: { type: 'unit', id: unit.id }, now });
    expect(card.items.filter((i) => i.actual !== null).length).toBeGreaterThan(0);
    const dashboard = await getUnitDashboard(store, actor, { period: summary.period, unitId: unit.id, now });
    // The division, its department and its team(s): 14 units in all, the manager sees the division's subtree.
    expect(dashboard.units.map((u) => u.code)).toContain(summary.unitCode);
    expect(dashboard.units.every((u) => u.kpiCount > 0)).toBe(true);
  });

  it('is deterministic: the same seed gives the same rows; the plan differs with the seed', async () => {
    const again = await freshDatabase(engine);
    try {
      await generateCompany(again, OPTIONS);
      expect(await checksum(again)).toBe(await checksum(database));
    } finally {
      await again.close();
    }
    const names = (seed: number) => planOrg(N, mulberry32(seed)).people.map((p) => p.fullName).join();
    expect(names(7)).not.toBe(names(8));
  }, 180_000);
});
