import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-data';
import { httpSession, spawnServer, type ServerProcess } from '../process/spawn-server';
import { startCluster, type PgCluster } from './pg-cluster';

const WRITERS = 3;
/** Writer w's n-th check-in has value BASE + w·10 000 + n: every value is sent once and tells who sent it. */
const BASE = 7_000_000;

interface Outcome {
  acked: number[];
  unavailable: number[];
  other: string[];
}

async function q<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

const ok = (n: number) => new Promise((r) => setTimeout(r, n));

describe.runIf(process.env.DATABASE_URL)('PostgreSQL restarted under load (a cluster of its own, real server process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okpi-pg-restart-'));
  let cluster: PgCluster | undefined;
  let server: ServerProcess | undefined;
  let phase: 'before' | 'outage' | 'after' | 'done' = 'before';
  /** Read through a function: the writers run while the test moves the phase on. */
  const now = () => phase;
  afterAll(async () => {
    phase = 'done';
    server?.child.kill('SIGKILL');
    await server?.exited;
    cluster?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('during the outage requests get 503 DB_UNAVAILABLE, no write is acknowledged falsely or half-applied, and the app reconnects by itself', async () => {
    cluster = startCluster(dir);
    server = await spawnServer({ DATABASE_URL: cluster.url, OPENKPI_SCHEDULER: 'off' });
    const call = await httpSession(server.url, 'admin@minhan.vn', DEMO_PASSWORD);
    const kpis = (
      await q<{ code: string }>(cluster.url, `SELECT code FROM kpis WHERE source = 'manual' AND frequency = 'monthly' AND status = 'active' AND aggregation <> 'ratio' ORDER BY code LIMIT ${WRITERS}`)
    ).map((r) => r.code);
    expect(kpis).toHaveLength(WRITERS);

    const seen = { before: 0, outage: 0, after: 0 };
    const outcomes: Outcome[] = kpis.map(() => ({ acked: [], unavailable: [], other: [] }));
    const writers = kpis.map(async (code, w) => {
      for (let n = 0; now() !== 'done'; n++) {
        const value = BASE + w * 10_000 + n;
        const res = await call(`/api/kpis/${code}/checkins`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ period: '2026-01', value }),
        }).catch((error: unknown) => error as Error);
        if (res instanceof Error) {
          if (now() !== 'done') outcomes[w]!.other.push(`no answer: ${res.message}`); // the server must never drop a request
          return;
        }
        const body = (await res.json()) as { error?: { code: string } };
        if (res.status === 200 || res.status === 201) {
          outcomes[w]!.acked.push(value);
          const at = now();
          if (at !== 'done') seen[at]++;
        } else if (res.status === 503 && body.error?.code === 'DB_UNAVAILABLE') {
          outcomes[w]!.unavailable.push(value);
          await ok(20);
        } else outcomes[w]!.other.push(`${res.status} ${JSON.stringify(body)}`);
      }
    });
    const until = async (what: string, cond: () => boolean) => {
      for (const deadline = Date.now() + 40_000; !cond(); await ok(20)) {
        const other = outcomes.flatMap((o) => o.other);
        if (other.length > 0 || Date.now() > deadline) throw new Error(`waiting for ${what}: ${JSON.stringify({ seen, other: other.slice(0, 3) })}\n${server?.output().slice(-3000)}`);
      }
    };

    await until('check-ins before the outage', () => seen.before >= 20);
    phase = 'outage';
    cluster.stop();
    // While it is down: a write, a read with a session and a new login all answer 503 DB_UNAVAILABLE.
    await until('503s during the outage', () => outcomes.reduce((s, o) => s + o.unavailable.length, 0) >= 10);
    const read = await call('/api/kpis');
    expect(read.status).toBe(503);
    expect(((await read.json()) as { error: { code: string } }).error.code).toBe('DB_UNAVAILABLE');
    await expect(httpSession(server.url, 'admin@minhan.vn', DEMO_PASSWORD)).rejects.toThrow(/DB_UNAVAILABLE/);
    cluster.start();
    phase = 'after';
    await until('check-ins after the restart', () => seen.after >= 20);
    phase = 'done';
    await Promise.all(writers);
    expect(server.child.exitCode, 'the server kept running through the outage').toBeNull();

    for (const [w, code] of kpis.entries()) {
      const o = outcomes[w]!;
      expect(o.other, `${code}: every answer was a success or 503 DB_UNAVAILABLE`).toEqual([]);
      const slot = await q<{ value: string; version: number; versions: string; values: string[] }>(
        cluster.url,
        `SELECT a.value, a.version, (SELECT count(*) FROM kpi_actual_versions v WHERE v.actual_id = a.id) AS versions,
                array(SELECT v.value::text FROM kpi_actual_versions v WHERE v.actual_id = a.id UNION ALL SELECT a.value::text) AS values
         FROM kpi_actuals a JOIN kpis k ON k.id = a.kpi_id WHERE k.code = $1 AND a.period_key = '2026-01' AND a.scope_type = 'company'`,
        [code],
      );
      expect(slot).toHaveLength(1);
      const stored = slot[0]!.values.map(Number).filter((v) => v >= BASE + w * 10_000 && v < BASE + (w + 1) * 10_000); // this writer's values, not the demo's
      // Every acknowledged write is there, exactly once; nothing is there that was not sent; a 503 write is either
      // wholly there (it committed as the connection broke) or not at all; the history is whole (one row per earlier version).
      for (const v of o.acked) expect(stored.filter((s) => s === v), `${code} acknowledged ${v}`).toHaveLength(1);
      for (const v of stored) expect([...o.acked, ...o.unavailable]).toContain(v);
      expect(new Set(stored).size).toBe(stored.length);
      expect(Number(slot[0]!.versions)).toBe(slot[0]!.version - 1);
    }
    expect(outcomes.reduce((s, o) => s + o.unavailable.length, 0)).toBeGreaterThanOrEqual(10);
  }, 170_000);
});
