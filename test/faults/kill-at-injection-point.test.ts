import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-data';
import { INJECTION_POINT_ENV, type InjectionPoint } from '../../src/app/faults/injection-point';
import { ROOT } from '../../src/config';
import { connect, type Engine } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { engines, freshPostgresDatabase, withClient, type PostgresDatabase } from '../helpers/db';
import { httpSession, spawnServer } from '../process/spawn-server';
import { runCli } from './cli-process';
import { leftovers } from './leftovers';
import { applyFingerprint, appraisalFingerprint, datasetFingerprint, kyselyQuery, ordersCents, ordersCsv, pgQuery, type Query } from './job-fingerprints';

/**
 * kill -9 at each long job's last step before its commit, on both engines: every row is written, nothing committed.
 * The moment is certain, not slept for: the job stops at its injection point (src/app/faults/injection-point.ts) and
 * says so, and only then is the process killed. Then the database opens (PGlite recovers its folder), holds exactly
 * what it held before, keeps no session or lock (PostgreSQL), and running the job again gives what an uninterrupted
 * run gives on a copy made before the kill.
 */

/** Where the job's process keeps its data; read only while no job process is running (PGlite is one process's). */
interface Place {
  env: Record<string, string>;
  read<T>(fingerprint: (q: Query) => Promise<T>): Promise<T>;
  /** Sessions and locks other than the reader's (PostgreSQL); PGlite has no other session to leave. */
  leftovers(): Promise<{ sessions: number; locks: number }>;
  copy(): Promise<Place>;
  drop(): Promise<void>;
}

async function migratedPlace(engine: Engine): Promise<Place> {
  if (engine === 'pglite') {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'okpi-injection-')), 'data');
    const database = await connect({ dataDir });
    await migrate(database.db);
    await database.close();
    return pglitePlace(dataDir);
  }
  return postgresPlace(await freshPostgresDatabase({ migrated: true }));
}

function pglitePlace(dataDir: string): Place {
  return {
    env: { OPENKPI_DATA_DIR: dataDir },
    read: async (fingerprint) => {
      const database = await connect({ dataDir });
      try {
        return await fingerprint(kyselyQuery(database.db));
      } finally {
        await database.close();
      }
    },
    leftovers: async () => ({ sessions: 0, locks: 0 }),
    copy: async () => {
      const to = join(mkdtempSync(join(tmpdir(), 'okpi-injection-')), 'data');
      cpSync(dataDir, to, { recursive: true });
      return pglitePlace(to);
    },
    drop: async () => {},
  };
}

function postgresPlace(db: PostgresDatabase): Place {
  return {
    env: { DATABASE_URL: db.url },
    read: (fingerprint) => withClient(db.url, (c) => fingerprint(pgQuery(c))),
    leftovers: () => withClient(db.url, leftovers),
    copy: async () => postgresPlace(await freshPostgresDatabase({ copyOf: db.url })),
    drop: db.drop,
  };
}

/** A job started as a real process: its output so far, the process to kill, and its end (throws unless it succeeded). */
interface Running {
  output(): string;
  kill(): Promise<void>;
  done: Promise<void>;
}

interface Job {
  point: InjectionPoint;
  /** Brings a migrated database to where the job starts. */
  prepare?(place: Place): Promise<void>;
  start(place: Place, env: Record<string, string>): Promise<Running>;
  fingerprint(q: Query): Promise<unknown>;
  /** Worked by hand, when it can be; otherwise the uninterrupted run on the copy is the reference. */
  expected?: unknown;
}

function cli(args: string[]): Job['start'] {
  return async (place, env) => {
    const run = runCli(args, { ...place.env, ...env });
    return {
      output: run.output,
      kill: async () => {
        run.child.kill('SIGKILL');
        expect(await run.exited).toBe('SIGKILL');
      },
      done: run.exited.then((code) => {
        if (code !== 0) throw new Error(`openkpi ${args.join(' ')} ended with ${code}: ${run.output()}`);
      }),
    };
  };
}

const ORDERS = 20_000;
const ordersDir = mkdtempSync(join(tmpdir(), 'okpi-injection-orders-'));

const JOBS: Job[] = [
  {
    point: 'dataset-import',
    start: cli(['dataset', 'import', 'orders', ordersCsv(ordersDir, ORDERS), '--key', 'order_id', '--json']),
    fingerprint: datasetFingerprint,
    expected: { catalogue: 1, rows: ORDERS, cents: ordersCents(ORDERS) },
  },
  {
    point: 'apply',
    start: cli(['apply', join(ROOT, 'examples/demo-company.yaml'), '--yes']),
    fingerprint: applyFingerprint,
  },
  {
    point: 'cycle-lock',
    // The server loads the demo company into the empty database on its first start.
    prepare: async (place) => {
      const server = await spawnServer({ ...place.env, OPENKPI_SCHEDULER: 'off' });
      server.child.kill('SIGTERM');
      await server.exited;
    },
    start: async (place, env) => {
      const server = await spawnServer({ ...place.env, OPENKPI_SCHEDULER: 'off', ...env });
      const call = await httpSession(server.url, 'admin@minhan.vn', DEMO_PASSWORD);
      const { items } = (await (await call('/api/appraisal/cycles')).json()) as { items: { id: number; phase: string }[] };
      const open = items.sort((a, b) => a.id - b.id).find((c) => c.phase !== 'locked' && c.phase !== 'published')!;
      const answer = call(`/api/appraisal/cycles/${open.id}/phase`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phase: 'locked' }) });
      return {
        output: server.output,
        kill: async () => {
          server.child.kill('SIGKILL');
          await server.exited;
          await expect(answer).rejects.toThrow(); // the connection is lost: no answer, so no false success
        },
        done: answer.then(async (res) => {
          const text = await res.text();
          server.child.kill('SIGTERM');
          await server.exited;
          if (res.status !== 200) throw new Error(`lock answered ${res.status}: ${text}`);
        }),
      };
    },
    fingerprint: appraisalFingerprint,
  },
];

async function reached(run: Running, point: InjectionPoint): Promise<void> {
  let ended = false;
  void run.done.then(
    () => (ended = true),
    () => (ended = true),
  );
  while (!run.output().includes(`injection point ${point} reached`)) {
    if (ended) throw new Error(`the job ended before its injection point: ${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(engines())('kill -9 at the last step before a job commits (%s)', (engine) => {
  it.each(JOBS)('$point: nothing stored, nothing left locked, the re-run gives the uninterrupted result', async (job) => {
    const victim = await migratedPlace(engine);
    let clean: Place | undefined;
    try {
      await job.prepare?.(victim);
      clean = await victim.copy();
      const before = await victim.read(job.fingerprint);

      const run = await job.start(victim, { [INJECTION_POINT_ENV]: job.point });
      await reached(run, job.point);
      await run.kill();
      expect(await victim.leftovers()).toEqual({ sessions: 0, locks: 0 });
      expect(await victim.read(job.fingerprint)).toEqual(before);

      await (await job.start(victim, {})).done;
      await (await job.start(clean, {})).done;
      const expected = await clean.read(job.fingerprint);
      expect(expected, 'the job changes its tables, so "unchanged after the kill" means something').not.toEqual(before);
      if (job.expected !== undefined) expect(expected).toEqual(job.expected);
      expect(await victim.read(job.fingerprint)).toEqual(expected);
    } finally {
      await victim.drop();
      await clean?.drop();
    }
  }, 180_000);
});
