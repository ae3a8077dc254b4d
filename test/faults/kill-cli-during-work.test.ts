import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/actor';
import { applyKpiFile, planKpiFile } from '../../src/app/kpi-as-code';
import { ROOT } from '../../src/config';
import { connect } from '../../src/db/connect';
import { createStore } from '../../src/db/store';
import { freshPostgresDatabase, withClient } from '../helpers/db';
import { runCli } from './cli-process';
import { leftovers } from './leftovers';
import { applyFingerprint, datasetFingerprint, ordersCents, ordersCsv, pgQuery } from './job-fingerprints';

/**
 * kill -9 of the `openkpi` process in the middle of its one transaction, on PostgreSQL: the moment is certain, not
 * slept for: the test watches pg_stat_activity until the process's backend has written (backend_xid is set) and
 * only then kills. Then: nothing of the work is stored, the dead backend's session and locks are gone, and the same
 * command run again stores exactly what an uninterrupted run stores.
 */


/** Waits until another backend of this database has an open transaction that has written; false if the command ended first. */
async function writingTransaction(c: pg.Client, run: ReturnType<typeof runCli>): Promise<boolean> {
  for (;;) {
    const r = await c.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`);
    if (r.rowCount) return true;
    if (run.child.exitCode !== null) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Job {
  name: string;
  args: (dir: string) => string[];
  /** What the job's tables hold: equal before and after a killed run, and equal to a clean run after the re-run. */
  fingerprint: (c: pg.Client) => Promise<unknown>;
  /** The result of an uninterrupted run: worked by hand, or made in-process (the same use-case the command calls) on a database of its own. */
  expected: unknown | ((url: string) => Promise<void>);
}

const DEMO_YAML = join(ROOT, 'examples/demo-company.yaml');

const ORDERS = 200_000;

const JOBS: Job[] = [
  {
    name: 'a dataset import (200k rows, COPY)',
    args: (dir) => ['dataset', 'import', 'orders', ordersCsv(dir, ORDERS), '--key', 'order_id', '--json'],
    fingerprint: (c) => datasetFingerprint(pgQuery(c)),
    expected: { catalogue: 1, rows: ORDERS, cents: ordersCents(ORDERS) },
  },
  {
    name: 'openkpi apply of the demo company (KPI-as-code, one transaction)',
    args: () => ['apply', DEMO_YAML, '--yes'],
    fingerprint: (c) => applyFingerprint(pgQuery(c)),
    expected: async (url: string) => {
      const database = await connect({ databaseUrl: url });
      try {
        const store = createStore(database.db);
        const plan = await planKpiFile(store, readFileSync(DEMO_YAML, 'utf8'));
        await applyKpiFile(store, SYSTEM_ACTOR, plan.doc!);
      } finally {
        await database.close();
      }
    },
  },
];

describe.runIf(process.env.DATABASE_URL)('kill -9 of the openkpi process in the middle of its transaction (PostgreSQL)', () => {
  it.each(JOBS)('$name: all or nothing, no session or lock left, the re-run gives the clean result', async (job) => {
    const dir = mkdtempSync(join(tmpdir(), 'okpi-kill-cli-'));
    const args = job.args(dir);
    const victim = await freshPostgresDatabase({ migrated: true });
    try {
      let expected = job.expected;
      if (typeof expected === 'function') {
        const clean = await freshPostgresDatabase({ migrated: true });
        try {
          await (expected as (url: string) => Promise<void>)(clean.url);
          expected = await withClient(clean.url, job.fingerprint);
        } finally {
          await clean.drop();
        }
      }

      await withClient(victim.url, async (c) => {
        const before = await job.fingerprint(c);
        const run = runCli(args, { DATABASE_URL: victim.url });
        const caught = await writingTransaction(c, run);
        run.child.kill('SIGKILL');
        expect(await run.exited).toBe('SIGKILL');
        expect(caught, 'the command was killed while its transaction had written').toBe(true);
        expect(await leftovers(c)).toEqual({ sessions: 0, locks: 0 });
        expect(await job.fingerprint(c)).toEqual(before);
      });
      const again = runCli(args, { DATABASE_URL: victim.url });
      expect(await again.exited, again.output()).toBe(0);
      expect(await withClient(victim.url, job.fingerprint)).toEqual(expected);
    } finally {
      await victim.drop();
    }
  }, 120_000);
});
