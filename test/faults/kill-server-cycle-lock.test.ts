import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { resolveActor } from '../../src/app/actor';
import { moveCyclePhase } from '../../src/app/appraisal/setup/move-cycle-phase';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-data';
import { connect } from '../../src/db/connect';
import { createStore } from '../../src/db/store';
import { freshPostgresDatabase, withClient, type PostgresDatabase } from '../helpers/db';
import { httpSession, spawnServer, type ServerProcess } from '../process/spawn-server';
import { appraisalFingerprint, pgQuery } from './job-fingerprints';
import { leftovers } from './leftovers';

/**
 * kill -9 of the server while it locks an appraisal cycle (the period close: closeCycle computes and freezes every
 * result in the same transaction as the phase change). The moment is made certain: a second session holds audit_log
 * locked, the lock's transaction writes its results and then waits for audit_log (its last step), and the server is
 * killed while it waits.
 */


const appraisalFingerprintOf = (c: pg.Client) => appraisalFingerprint(pgQuery(c));

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

const lock = (call: Awaited<ReturnType<typeof httpSession>>, id: number) =>
  call(`/api/appraisal/cycles/${id}/phase`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phase: 'locked' }) });

describe.runIf(process.env.DATABASE_URL)('kill -9 of the server while it locks an appraisal cycle (PostgreSQL)', () => {
  it('nothing of the lock is stored, no session or lock is left, and locking again gives what an uninterrupted lock gives', async () => {
    const victim = await freshPostgresDatabase();
    let clean: PostgresDatabase | undefined;
    try {
      await stop(await spawnServer({ DATABASE_URL: victim.url, OPENKPI_SCHEDULER: 'off' })); // migrates and loads the demo company
      const cycle = await withClient(victim.url, async (c) => (await c.query<{ id: number }>(`SELECT id FROM appraisal_cycles WHERE phase NOT IN ('locked', 'published') ORDER BY id LIMIT 1`)).rows[0]!);
      // The same database, copied while no one is connected: the uninterrupted lock runs there.
      clean = await freshPostgresDatabase({ copyOf: victim.url });

      const server = await spawnServer({ DATABASE_URL: victim.url, OPENKPI_SCHEDULER: 'off' });
      const call = await httpSession(server.url, 'admin@minhan.vn', DEMO_PASSWORD);
      const before = await withClient(victim.url, appraisalFingerprintOf);
      await withClient(victim.url, async (c) => {
        const gate = new pg.Client({ connectionString: victim.url });
        await gate.connect();
        await gate.query('BEGIN');
        await gate.query('LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE');
        const answer = lock(call, cycle.id).then(
          (r) => `answered ${r.status}`,
          () => 'connection lost',
        );
        for (;;) {
          const r = await c.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND wait_event_type = 'Lock' AND pid <> $1`, [
            (await gate.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid,
          ]);
          if (r.rowCount) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        server.child.kill('SIGKILL');
        await server.exited;
        await gate.query('ROLLBACK');
        await gate.end();
        expect(await answer).toBe('connection lost');
        expect(await leftovers(c)).toEqual({ sessions: 0, locks: 0 });
        expect(await appraisalFingerprintOf(c)).toEqual(before);
      });

      const again = await spawnServer({ DATABASE_URL: victim.url, OPENKPI_SCHEDULER: 'off' });
      try {
        const res = await lock(await httpSession(again.url, 'admin@minhan.vn', DEMO_PASSWORD), cycle.id);
        expect(res.status).toBe(200);
      } finally {
        await stop(again);
      }

      const database = await connect({ databaseUrl: clean.url });
      try {
        const store = createStore(database.db);
        const admin = (await store.users.list()).find((u) => u.email === 'admin@minhan.vn')!;
        await moveCyclePhase(store, await resolveActor(store, admin), cycle.id, 'locked', '', new Date());
      } finally {
        await database.close();
      }
      const expected = await withClient(clean.url, appraisalFingerprintOf);
      expect(expected, 'the lock changes the results, so "unchanged after the crash" means something').not.toEqual(before);
      expect(await withClient(victim.url, appraisalFingerprintOf)).toEqual(expected);
    } finally {
      await victim.drop();
      await clean?.drop();
    }
  }, 170_000);
});
