import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../test/helpers/db';
import type { Database } from './connect';
import { migrate, migrationNames } from './migrate';

const dir = join(import.meta.dirname, 'migrations');
const LIMITS = '20261204_0005_value_limits.sql';

describe.each(engines())('migration 0005 on a database with non-finite and out-of-range values written before it (%s)', (engine) => {
  let database: Database;
  const rows = async <T,>(query: string) => (await sql.raw<T>(query).execute(database.db)).rows;

  beforeAll(async () => {
    database = await freshDatabase(engine, { migrated: false });
    const { db } = database;
    await sql`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
    for (const name of migrationNames().filter((n) => n < LIMITS)) {
      await sql.raw(readFileSync(join(dir, name), 'utf8')).execute(db);
      await sql`INSERT INTO schema_migrations (name) VALUES (${name})`.execute(db);
    }
    await sql.raw(`
      INSERT INTO users (id, email, name, password_hash, role) VALUES (7, 'ktt@minhan.vn', 'Kế toán trưởng', 'x', 'manager');
      INSERT INTO kpis (id, code, name, level, perspective, direction, aggregation, baseline_period, baseline_value) VALUES
        (1, 'CLOSE_RATE', 'Tỷ lệ chốt đơn', 'tactical', 'customer', 'increase', 'ratio', '2025', 'NaN'),
        (2, 'REVENUE', 'Doanh thu', 'strategic', 'financial', 'increase', 'sum', '2025', 1200);
      INSERT INTO kpi_parents (kpi_id, parent_id, weight) VALUES (1, 2, 'Infinity');
      INSERT INTO kpi_targets (kpi_id, period_key, period_kind, period_start, period_end, value, min_value, stretch) VALUES
        (1, '2026-01', 'month', '2026-01-01', '2026-01-31', 0.3, '-Infinity', 0.4),
        (1, '2026-02', 'month', '2026-02-01', '2026-02-28', 'Infinity', NULL, NULL),
        (2, '2026-01', 'month', '2026-01-01', '2026-01-31', 2e15, NULL, NULL);
    `).execute(db);
    // Actuals as the old code stored them (0004's trigger writes the history of each update):
    //  1: the finding — 1e308 / 1e-10 stored as Infinity, first value for Jan: no valid value at all, with evidence.
    //  2: Feb 30/120 = 0.25, then 1e308 / 1e-10 on top of it: back to 0.25, version 1.
    //  3: Mar value Infinity although its parts 36 / 120 are fine: recomputed to 0.3.
    //  4: REVENUE Jan 1000, then 1.5e308, then 1200: current value fine, the broken history row goes.
    await sql.raw(`
      INSERT INTO kpi_actuals (id, kpi_id, period_key, period_kind, period_start, period_end, value, numerator, denominator, source, updated_by, updated_by_name) VALUES
        (1, 1, '2026-01', 'month', '2026-01-01', '2026-01-31', 'Infinity', 1e308, 1e-10, 'checkin', 7, 'Kế toán trưởng'),
        (2, 1, '2026-02', 'month', '2026-02-01', '2026-02-28', 0.25, 30, 120, 'checkin', 7, 'Kế toán trưởng'),
        (3, 1, '2026-03', 'month', '2026-03-01', '2026-03-31', 'Infinity', 36, 120, 'api', NULL, 'Máy bán hàng'),
        (4, 2, '2026-01', 'month', '2026-01-01', '2026-01-31', 1000, NULL, NULL, 'checkin', 7, 'Kế toán trưởng');
      UPDATE kpi_actuals SET value = 'Infinity', numerator = 1e308, denominator = 1e-10, version = 2, updated_by_name = 'Máy bán hàng' WHERE id = 2;
      UPDATE kpi_actuals SET value = 1.5e308, version = 2 WHERE id = 4;
      UPDATE kpi_actuals SET value = 1200, version = 3 WHERE id = 4;
      INSERT INTO kpi_evidence (actual_id, file_name, content_type, size_bytes, sha256, data) VALUES (1, 'so-cai.pdf', 'application/pdf', 4, 'x', '\\x25504446');
    `).execute(db);
    expect((await migrate(db))[0]).toBe(LIMITS); // later migrations (0006 …) follow it
  });
  afterAll(() => database.close());

  it('deletes an actual that never had a valid value, with its evidence and history', async () => {
    expect(await rows('SELECT id FROM kpi_actuals WHERE id = 1')).toEqual([]);
    expect(await rows('SELECT id FROM kpi_evidence')).toEqual([]);
  });

  it('restores the last valid version of an actual broken by a later write, and recomputes one from its parts', async () => {
    const actuals = await rows<{ id: number; value: string; numerator: string | null; version: number; updated_by_name: string }>(
      'SELECT id, value::text, numerator::text, version, updated_by_name FROM kpi_actuals ORDER BY id',
    );
    expect(actuals.map((a) => [a.id, Number(a.value), a.numerator === null ? null : Number(a.numerator), a.version, a.updated_by_name])).toEqual([
      [2, 0.25, 30, 1, 'Kế toán trưởng'],
      [3, 0.3, 36, 1, 'Máy bán hàng'],
      [4, 1200, null, 3, 'Kế toán trưởng'],
    ]);
    // REVENUE keeps its valid superseded value 1000 (v1); the 1.5e308 (v2) is gone. Nothing is left for actual 2.
    const history = await rows<{ actual_id: number; version: number; value: string }>('SELECT actual_id, version, value::text FROM kpi_actual_versions ORDER BY actual_id, version');
    expect(history.map((v) => [v.actual_id, v.version, Number(v.value)])).toEqual([[4, 1, 1000]]);
  });

  it('repairs targets, baselines and weights', async () => {
    const targets = await rows<{ kpi_id: number; period_key: string; value: string; min_value: string | null; stretch: string | null }>(
      'SELECT kpi_id, period_key, value::text, min_value::text, stretch::text FROM kpi_targets ORDER BY kpi_id, period_key',
    );
    expect(targets.map((t) => [t.kpi_id, t.period_key, Number(t.value), t.min_value, t.stretch === null ? null : Number(t.stretch)])).toEqual([[1, '2026-01', 0.3, null, 0.4]]);
    expect(await rows('SELECT code, baseline_period, baseline_value::text AS baseline FROM kpis ORDER BY id')).toEqual([
      { code: 'CLOSE_RATE', baseline_period: null, baseline: null },
      { code: 'REVENUE', baseline_period: '2025', baseline: '1200' },
    ]);
    expect(await rows('SELECT weight::text AS weight FROM kpi_parents')).toEqual([{ weight: '1' }]);
  });

  it('then refuses non-finite and out-of-range numbers in every guarded column (check_violation)', async () => {
    const refused = async (statement: string) => {
      const error = await sql.raw(statement).execute(database.db).then(() => null, (e: { code?: string }) => e);
      return error?.code;
    };
    expect(await refused(`UPDATE kpi_actuals SET value = 'NaN' WHERE id = 4`)).toBe('23514');
    expect(await refused(`UPDATE kpi_actuals SET value = 1e15 + 1 WHERE id = 4`)).toBe('23514');
    expect(await refused(`UPDATE kpi_actuals SET numerator = 1e308, denominator = 1 WHERE id = 2`)).toBe('23514');
    expect(await refused(`UPDATE kpi_actuals SET numerator = 1, denominator = 0 WHERE id = 2`)).toBe('23514');
    expect(await refused(`UPDATE kpi_actuals SET numerator = 1, denominator = '-Infinity' WHERE id = 2`)).toBe('23514');
    expect(await refused(`UPDATE kpi_targets SET max_value = 'Infinity'`)).toBe('23514');
    expect(await refused(`UPDATE kpi_targets SET value = -1e16`)).toBe('23514');
    expect(await refused(`UPDATE kpis SET baseline_value = 'NaN'`)).toBe('23514');
    expect(await refused(`UPDATE kpi_parents SET weight = 1e6 + 1`)).toBe('23514');
    // The limits themselves are allowed, and a correction still writes history through the trigger.
    expect(await refused(`UPDATE kpi_actuals SET value = -1e15, version = 4 WHERE id = 4`)).toBeUndefined();
    expect(await refused(`UPDATE kpi_parents SET weight = 1e6`)).toBeUndefined();
    const history = await rows<{ version: number; value: string }>('SELECT version, value::text FROM kpi_actual_versions WHERE actual_id = 4 ORDER BY version');
    expect(history.map((v) => [v.version, Number(v.value)])).toEqual([
      [1, 1000],
      [3, 1200],
    ]);
  });
});
