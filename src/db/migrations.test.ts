import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../test/helpers/db';
import type { Database } from './connect';
import { migrate, migrationNames } from './migrate';
import { createStore } from './store';

const dir = join(import.meta.dirname, 'migrations');
const BULK = '20261129_0004_actuals_bulk.sql';

describe.each(engines())('migration 0004 on a database with actuals written before it (%s)', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine, { migrated: false });
    const { db } = database;
    // The schema as it was before 0004, with history written the old way: a version row for every
    // version, the current one included.
    await sql`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
    for (const name of migrationNames().filter((n) => n < BULK)) {
      await sql.raw(readFileSync(join(dir, name), 'utf8')).execute(db);
      await sql`INSERT INTO schema_migrations (name) VALUES (${name})`.execute(db);
    }
    await sql`INSERT INTO users (id, email, name, password_hash, role) VALUES (7, 'ktt@minhan.vn', 'Kế toán trưởng', 'x', 'manager')`.execute(db);
    await sql`INSERT INTO kpis (id, code, name, level, perspective, direction, aggregation) VALUES (1, 'REVENUE', 'Doanh thu', 'strategic', 'financial', 'increase', 'sum')`.execute(db);
    // Jan: entered by the chief accountant (v1 = 10), corrected by an integration (v2 = 12). Feb: one import (v1 = 20).
    await sql`INSERT INTO kpi_actuals (id, kpi_id, period_key, period_kind, period_start, period_end, value, source, version, updated_by)
      VALUES (1, 1, '2026-01', 'month', '2026-01-01', '2026-01-31', 12, 'api', 2, NULL),
             (2, 1, '2026-02', 'month', '2026-02-01', '2026-02-28', 20, 'import', 1, NULL)`.execute(db);
    await sql`INSERT INTO kpi_actual_versions (actual_id, version, value, source, changed_by, changed_by_name, changed_at)
      VALUES (1, 1, 10, 'checkin', 7, 'Kế toán trưởng', '2026-02-01T01:00:00Z'),
             (1, 2, 12, 'api', NULL, 'Máy bán hàng', '2026-02-03T01:00:00Z'),
             (2, 1, 20, 'import', NULL, 'Nhập liệu', '2026-03-01T01:00:00Z')`.execute(db);
    expect(await migrate(db)).toContain(BULK);
  });
  afterAll(() => database.close());

  it('moves who wrote the current value onto the row and keeps only superseded values as history', async () => {
    const store = createStore(database.db);
    const [jan, feb] = await store.actuals.list({ kpiIds: [1] });
    expect(jan).toMatchObject({ value: 12, version: 2, updatedByName: 'Máy bán hàng' });
    expect(feb).toMatchObject({ value: 20, version: 1, updatedByName: 'Nhập liệu' });
    expect((await store.actuals.versions(1)).map((v) => [v.version, v.value, v.changedByName])).toEqual([
      [2, 12, 'Máy bán hàng'],
      [1, 10, 'Kế toán trưởng'],
    ]);
    const rows = await sql<{ n: string }>`SELECT count(*) AS n FROM kpi_actual_versions`.execute(database.db);
    expect(Number(rows.rows[0]!.n)).toBe(1);
  });

  it('then keeps history through the trigger: a correction adds the replaced value', async () => {
    const store = createStore(database.db);
    const feb = (await store.actuals.list({ kpiIds: [1], from: '2026-02-01', to: '2026-02-28' }))[0]!;
    await store.actuals.upsert([{ kpiId: 1, period: '2026-02', kind: 'month', start: feb.start, end: feb.end, scope: feb.scope, value: 21, source: 'checkin', late: false }], { userId: 7, name: 'Kế toán trưởng' });
    expect((await store.actuals.versions(2)).map((v) => [v.version, v.value, v.changedByName])).toEqual([
      [2, 21, 'Kế toán trưởng'],
      [1, 20, 'Nhập liệu'],
    ]);
  });
});
