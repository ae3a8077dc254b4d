import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/actor';
import { checkIn } from '../../src/app/actuals/check-in';
import { createProfitKpis, kpiWrite } from '../../src/app/actuals/test-fixtures';
import { restore } from '../../src/db/backup';
import { connect } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import type { DB } from '../../src/db/schema';
import { createStore } from '../../src/db/store';
import { freshDatabase, freshPostgresDatabase } from '../helpers/db';
import { runCli } from './cli-process';

/** The invariants every committed state satisfies, read from a restored database. */
async function invariants(db: Kysely<DB>) {
  // Each actual keeps exactly its superseded versions 1 … version-1 (the trigger writes one per update, in the same transaction).
  const history = await sql<{ broken: string }>`
    SELECT count(*) AS broken FROM kpi_actuals a
    LEFT JOIN (SELECT actual_id, count(*) AS n, max(version) AS top FROM kpi_actual_versions GROUP BY actual_id) v ON v.actual_id = a.id
    WHERE coalesce(v.n, 0) <> a.version - 1 OR coalesce(v.top, 0) <> a.version - 1`.execute(db);
  const orphans = await sql<{ n: string }>`
    SELECT count(*) AS n FROM kpi_actual_versions v WHERE NOT EXISTS (SELECT 1 FROM kpi_actuals a WHERE a.id = v.actual_id)`.execute(db);
  // PROFIT is computed from REV and COST in the check-in's own transaction: a snapshot never splits them.
  const values = await sql<{ code: string; value: string; version: number }>`
    SELECT k.code, a.value, a.version FROM kpi_actuals a JOIN kpis k ON k.id = a.kpi_id
    WHERE k.code IN ('REV', 'COST', 'PROFIT', 'SOLO') AND a.period_key = '2026-03'`.execute(db);
  const by = Object.fromEntries(values.rows.map((r) => [r.code, { value: Number(r.value), version: r.version }]));
  return { brokenHistories: Number(history.rows[0]!.broken), orphanVersions: Number(orphans.rows[0]!.n), by };
}

/**
 * Waits until another session's statement on `table` waits for a lock (the backup reached that table). Asked from a
 * session of its own: inside a transaction pg_stat_activity keeps showing what it showed first.
 */
async function waitUntilBlockedOn(url: string, table: string, run: ReturnType<typeof runCli>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await poll(client, table, run);
  } finally {
    await client.end();
  }
}

async function poll(client: pg.Client, table: string, run: ReturnType<typeof runCli>): Promise<void> {
  for (;;) {
    const r = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT row_to_json%' AND query LIKE $1`,
      [`%${table}%`],
    );
    if (r.rowCount) return;
    if (run.child.exitCode !== null) throw new Error(`backup ended before reaching ${table}: ${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.runIf(process.env.DATABASE_URL)('a backup taken while check-ins are written (PostgreSQL: other processes write meanwhile)', () => {
  it('restores to one consistent snapshot: histories match versions, formulas match their inputs', async () => {
    const source = await freshPostgresDatabase();
    const database = await connect({ databaseUrl: source.url });
    const file = join(mkdtempSync(join(tmpdir(), 'okpi-backup-fault-')), 'during-writes.okpi.gz');
    try {
      await migrate(database.db);
      const store = createStore(database.db);
      await createProfitKpis(store);
      await store.kpis.create(kpiWrite('SOLO'));
      const now = new Date('2026-04-02T03:00:00Z');
      await checkIn(store, SYSTEM_ACTOR, now, 'SOLO', { period: '2026-03', value: 1 });
      // Check-in i: REV = 1000 + i, COST = 400 + 2i, so PROFIT = 600 − i; REV's version is i + 1 after it.
      let written = 0;
      let stop = false;
      const writer = (async () => {
        for (let i = 0; !stop; i++) {
          await checkIn(store, SYSTEM_ACTOR, now, 'REV', { period: '2026-03', value: 1000 + i });
          await checkIn(store, SYSTEM_ACTOR, now, 'COST', { period: '2026-03', value: 400 + 2 * i });
          written = i + 1;
        }
      })();
      while (written < 20) await new Promise((r) => setTimeout(r, 5));
      const writtenBefore = written;
      // The race made certain: a write commits after the backup has read kpi_actuals but before it reads
      // kpi_actual_versions. The gate holds that table locked; the backup queues behind it; the gate then
      // supersedes SOLO's value (the history trigger adds a version row) and commits, letting the backup go on.
      const gate = new pg.Client({ connectionString: source.url });
      await gate.connect();
      await gate.query('BEGIN');
      await gate.query('LOCK TABLE kpi_actual_versions IN ACCESS EXCLUSIVE MODE');
      const run = runCli(['backup', file], { DATABASE_URL: source.url });
      await waitUntilBlockedOn(source.url, 'kpi_actual_versions', run);
      await gate.query(`UPDATE kpi_actuals SET value = value + 1, version = version + 1 WHERE kpi_id = (SELECT id FROM kpis WHERE code = 'SOLO')`);
      await gate.query('COMMIT');
      await gate.end();
      const code = await run.exited;
      const writtenAfter = written;
      stop = true;
      await writer;
      expect(code, run.output()).toBe(0);
      expect(writtenAfter - writtenBefore, 'check-ins committed while the backup ran').toBeGreaterThan(0);

      const target = await freshDatabase('pglite');
      try {
        await restore(target.db, file);
        const got = await invariants(target.db);
        expect(got.brokenHistories).toBe(0);
        expect(got.orphanVersions).toBe(0);
        expect(got.by.SOLO, 'the snapshot predates the gated write').toEqual({ value: 1, version: 1 });
        const rev = got.by.REV!;
        const cost = got.by.COST!;
        // Worked from the writer's formula: REV 1000 + i ⇒ i = REV − 1000; COST is check-in i (400 + 2i) or, if the
        // snapshot fell between REV and COST of the same round, check-in i − 1.
        const i = rev.value - 1000;
        expect(rev.version).toBe(i + 1);
        expect([400 + 2 * i, 400 + 2 * (i - 1)]).toContain(cost.value);
        expect(got.by.PROFIT!.value).toBe(rev.value - cost.value);
        expect(i + 1).toBeGreaterThanOrEqual(writtenBefore);
        expect(i + 1).toBeLessThanOrEqual(writtenAfter + 1);
      } finally {
        await target.close();
      }
    } finally {
      await database.close();
      await source.drop();
    }
  }, 120_000);
});
