import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-data';
import { seedDemo } from '../../src/app/demo/seed-demo';
import { connect, type Database, type Engine } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { createStore } from '../../src/db/store';
import { bigActualsCsv, createBigImportKpis } from '../fixtures/import/big-file';
import { engines, freshPostgresDatabase } from '../helpers/db';
import { httpSession, spawnServer, type ServerProcess } from './spawn-server';

const ROWS = 1_000_000;

/** Where the server keeps its data: a PGlite folder, or a database on the DATABASE_URL server. */
interface Target {
  serverEnv: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function target(engine: Engine): Promise<Target> {
  if (engine === 'pglite') {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'okpi-import-crash-')), 'data');
    return { serverEnv: { OPENKPI_DATA_DIR: dataDir }, open: () => connect({ dataDir }), cleanup: async () => {} };
  }
  const fresh = await freshPostgresDatabase();
  return { serverEnv: { DATABASE_URL: fresh.url }, open: () => connect({ databaseUrl: fresh.url }), cleanup: fresh.drop };
}

async function withData<T>(t: Target, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await t.open();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Imported rows (of the IMP_ KPIs), the sum of their values and their superseded versions, read from the store. */
async function imported(t: Target): Promise<{ n: number; sum: number; versions: number }> {
  return withData(t, async ({ db }) => {
    const r = await sql<{ n: string; sum: string | null; versions: string }>`
      SELECT count(*) AS n, sum(a.value) AS sum,
             (SELECT count(*) FROM kpi_actual_versions v JOIN kpi_actuals x ON x.id = v.actual_id JOIN kpis k2 ON k2.id = x.kpi_id WHERE k2.code LIKE 'IMP\\_%') AS versions
      FROM kpi_actuals a JOIN kpis k ON k.id = a.kpi_id WHERE k.code LIKE 'IMP\\_%'`.execute(db);
    const row = r.rows[0]!;
    return { n: Number(row.n), sum: Number(row.sum ?? 0), versions: Number(row.versions) };
  });
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

function upload(call: Awaited<ReturnType<typeof httpSession>>, data: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'text/csv' }), 'big.csv');
  return call('/api/actuals/import', { method: 'POST', body: form });
}

/** Resolves once the server has logged that at least `rows` rows were written (its info-level progress log). */
async function writtenAtLeast(server: ServerProcess, rows: number): Promise<number> {
  for (;;) {
    const done = server
      .output()
      .split('\n')
      .filter((l) => l.includes('actuals import progress') && l.includes('"phase":"write"'))
      .map((l) => (JSON.parse(l) as { done: number }).done);
    const most = Math.max(0, ...done);
    if (most >= rows) return most;
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(engines())('kill -9 during a 1M-row actuals import (real server process on %s)', (engine) => {
  it(`${ROWS.toLocaleString('en-US')} rows: nothing stored after a crash mid-write, and a re-run gives the clean result`, async () => {
    const t = await target(engine);
    try {
      const units = await withData(t, async ({ db }) => {
        await migrate(db);
        const store = createStore(db);
        await seedDemo(store);
        await createBigImportKpis(store);
        return (await store.units.list()).map((u) => u.code);
      });
      const data = bigActualsCsv(ROWS, units);
      // Worked total: row i has value (i mod 1000) + ((37·i) mod 100) / 100, as bigActualsCsv writes it.
      let expectedSum = 0;
      for (let i = 0; i < ROWS; i++) expectedSum += (i % 1000) + ((i * 37) % 100) / 100;

      const first = await spawnServer({ ...t.serverEnv, LOG_LEVEL: 'info' });
      const call = await httpSession(first.url, 'admin@minhan.vn', DEMO_PASSWORD);
      let answered = false;
      const pending = upload(call, data).then(
        () => (answered = true),
        () => 'connection lost',
      );
      // Killed while writing: some chunks are in the database (uncommitted), the rest not yet.
      const writtenBeforeKill = await writtenAtLeast(first, ROWS / 5);
      first.child.kill('SIGKILL');
      await first.exited;
      await pending;
      expect(answered).toBe(false);
      expect(writtenBeforeKill).toBeLessThan(ROWS);

      const afterCrash = await imported(t);
      expect(afterCrash.n).toBe(0);

      const second = await spawnServer(t.serverEnv);
      try {
        const call2 = await httpSession(second.url, 'admin@minhan.vn', DEMO_PASSWORD);
        const res = await upload(call2, data);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { rows: number; inserted: number; unchanged: number };
        expect(body).toMatchObject({ rows: ROWS, inserted: ROWS, unchanged: 0 });
      } finally {
        await stop(second);
      }
      const final = await imported(t);
      // The same as a clean run: every row once, no superseded versions, the worked total.
      expect(final.n).toBe(ROWS);
      expect(final.versions).toBe(0);
      expect(final.sum).toBeCloseTo(expectedSum, 2);
    } finally {
      await t.cleanup();
    }
  }, 300_000);
});
