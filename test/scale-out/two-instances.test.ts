import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-data';
import { ROOT } from '../../src/config';
import { connect, type Database } from '../../src/db/connect';
import { replicaServes } from '../../src/db/replica-position';
import { spawnServer, type ServerProcess } from '../process/spawn-server';
import { Browser } from './browser';
import { startCluster, type Cluster } from './cluster';

const run = promisify(execFile);

interface DashboardKpi { code: string; scopeLevel: string; actual: number | null }
interface Dashboard { period: { key: string }; units: { id: number; code: string; kpis: DashboardKpi[] }[] }

let cluster: Cluster;
let a: ServerProcess;
let b: ServerProcess;
let primary: pg.Client;
let replica: pg.Client;
let replicaDb: Database;

async function query<T>(client: pg.Client, text: string, values: unknown[] = []): Promise<T[]> {
  return (await client.query(text, values)).rows as T[];
}

async function one<T>(client: pg.Client, text: string, values: unknown[] = []): Promise<T> {
  const [row] = await query<T>(client, text, values);
  return row!;
}

async function dashboard(browser: Browser, base: string, period: string): Promise<Dashboard> {
  const res = await browser.call(base, `/api/dashboard/units${period ? `?period=${period}` : ''}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Dashboard;
}

function actualOf(d: Dashboard, unitId: number, code: string): number | null {
  return d.units.find((u) => u.id === unitId)!.kpis.find((k) => k.code === code && k.scopeLevel === 'unit')!.actual;
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function replicaCaughtUp(): Promise<number> {
  const start = performance.now();
  const { lsn } = await one<{ lsn: string }>(primary, 'SELECT pg_current_wal_insert_lsn()::text AS lsn');
  for (;;) {
    const { done } = await one<{ done: boolean }>(replica, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn]);
    if (done) return performance.now() - start;
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  const t0 = performance.now();
  cluster = startCluster();
  const env = { DATABASE_URL: cluster.databaseUrl, DATABASE_READ_URL: cluster.readUrl, OPENKPI_SCHEDULER: 'off' };
  // The first instance migrates and loads the demo company; the second finds it there.
  a = await spawnServer(env);
  b = await spawnServer(env);
  primary = new pg.Client(cluster.primaryUrl);
  replica = new pg.Client(cluster.readUrl);
  await Promise.all([primary.connect(), replica.connect()]);
  replicaDb = await connect({ databaseUrl: cluster.readUrl });
  console.log(`scale-out cluster and two instances ready in ${Math.round(performance.now() - t0)} ms`);
});

afterAll(async () => {
  await replicaDb?.close();
  await Promise.all([primary?.end(), replica?.end()]);
  for (const s of [a, b]) {
    if (!s) continue;
    s.child.kill('SIGTERM');
    await s.exited;
  }
  cluster?.stop();
});

describe('two app instances, PgBouncer in transaction mode, a primary and a streaming replica', () => {
  it('a session made on instance A works on instance B', async () => {
    const browser = new Browser();
    await browser.login(a.url, 'admin@minhan.vn', DEMO_PASSWORD);
    const res = await browser.call(b.url, '/api/auth/session');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { email: string } }).user.email).toBe('admin@minhan.vn');
  });

  it('a check-in on A is on B at once from the primary, and in the dashboard on B once the replica replays it', async () => {
    const writer = new Browser();
    await writer.login(a.url, 'admin@minhan.vn', DEMO_PASSWORD);
    const other = new Browser();
    await other.login(b.url, 'admin@minhan.vn', DEMO_PASSWORD);
    await replicaCaughtUp();

    const before = await dashboard(other, b.url, '');
    const period = before.period.key;
    // A unit's own KPI that takes a plain value (the demo has ratio KPIs too; those refuse a bare value).
    let written: { unitId: number; code: string; value: number; actualId: number } | undefined;
    for (const u of before.units) {
      for (const k of u.kpis.filter((k) => k.scopeLevel === 'unit')) {
        const value = (k.actual ?? 0) + 777;
        await query(replica, 'SELECT pg_wal_replay_pause()');
        const res = await writer.json(a.url, 'POST', `/api/kpis/${k.code}/checkins`, { period, scope: { type: 'unit', id: u.id }, value });
        if (res.ok) {
          written = { unitId: u.id, code: k.code, value, actualId: ((await res.json()) as { id: number }).id };
          break;
        }
        await query(replica, 'SELECT pg_wal_replay_resume()');
      }
      if (written) break;
    }
    expect(written).toBeDefined();
    const { unitId, code, value } = written!;
    try {
      // Replay is paused: the other reader is served by the replica and still sees the old number ...
      expect(actualOf(await dashboard(other, b.url, period), unitId, code)).toBe(actualOf(before, unitId, code));
      // ... while B reads the primary for the writer's own list of actuals.
      const own = (await (await writer.call(b.url, `/api/kpis/${code}/actuals?scope=unit:${unitId}`)).json()) as { items: { value: number | null }[] };
      expect(own.items.map((i) => i.value)).toContain(value);
      // ... and the writer's own dashboard on B (a replica route) comes from the primary: read-your-own-writes.
      expect(actualOf(await dashboard(writer, b.url, period), unitId, code)).toBe(value);
    } finally {
      await query(replica, 'SELECT pg_wal_replay_resume()');
    }
    const lagMs = await replicaCaughtUp();
    console.log(`replica caught up ${Math.round(lagMs)} ms after replay resumed`);
    expect(actualOf(await dashboard(other, b.url, period), unitId, code)).toBe(value);
  });

  it('the replica is skipped while it lags: paused replay with WAL waiting and its last replayed commit older than the bound', async () => {
    await replicaCaughtUp();
    expect(await replicaServes(replicaDb.db, null, 1)).toBe(true);
    await query(replica, 'SELECT pg_wal_replay_pause()');
    try {
      await query(primary, "SELECT pg_logical_emit_message(false, 'scale-out-test', 'wal')"); // WAL that waits for replay
      await query(primary, 'CREATE TABLE IF NOT EXISTS scale_out_probe (at timestamptz)');
      await new Promise((r) => setTimeout(r, 1200));
      expect(await replicaServes(replicaDb.db, null, 1)).toBe(false);
      const { lsn } = await one<{ lsn: string }>(primary, 'SELECT pg_current_wal_insert_lsn()::text AS lsn');
      expect(await replicaServes(replicaDb.db, lsn, 3600)).toBe(false); // not replayed that far: read-your-writes goes to the primary
    } finally {
      await query(replica, 'SELECT pg_wal_replay_resume()');
    }
    await replicaCaughtUp();
    expect(await replicaServes(replicaDb.db, null, 1)).toBe(true);
  });

  it('an evidence file uploaded on A downloads byte for byte from B', async () => {
    const browser = new Browser();
    await browser.login(a.url, 'admin@minhan.vn', DEMO_PASSWORD);
    const [row] = await query<{ id: number }>(primary, 'SELECT id FROM kpi_actuals ORDER BY id LIMIT 1');
    const text = `biên bản ${Date.now()}\n`;
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/plain' }), 'bien-ban.txt');
    const up = await browser.call(a.url, `/api/actuals/${row!.id}/evidence`, { method: 'POST', body: form });
    expect(up.status).toBe(201);
    const { id } = (await up.json()) as { id: number };
    const down = await browser.call(b.url, `/api/evidence/${id}`);
    expect(down.status).toBe(200);
    expect(await down.text()).toBe(text);
  });

  it('reminders run at the same instant by two processes at once are sent exactly once', async () => {
    const next = new Date();
    // The 10th of next month, 10:00 in Hồ Chí Minh City: last month's reports of the demo are late by then.
    const at = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 10, 3)).toISOString();
    const cli = () =>
      run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'reminders', 'run', '--at', at, '--json'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: cluster.databaseUrl },
      }).then((r) => (JSON.parse(r.stdout) as { sent: unknown[] }).sent.map((s) => JSON.stringify(s)));
    const [first, second] = await Promise.all([cli(), cli()]);
    const { n } = await one<{ n: string }>(primary, 'SELECT count(*) AS n FROM reminder_log');
    expect(first.length + second.length).toBeGreaterThan(0);
    expect(first.length + second.length).toBe(Number(n)); // a reminder sent by both would be counted twice
  });
});
