import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { buildApp } from '../../server/app';
import { ApiClient } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';
import { twoConnections } from '../../../test/helpers/two-connections';
import { seedDemo } from '../demo/seed-demo';
import { ReadCache } from './read-cache';

/** Tables no cached read depends on, so writes to them need not change the data version (migration 0013). */
const NOT_VERSIONED = [
  'schema_migrations', 'data_version', 'sessions', 'audit_log', 'kpi_actual_versions', 'kpi_evidence', 'api_tokens',
  'idempotency_keys', 'password_resets', 'notifications', 'notification_preferences', 'reminder_log', 'mail_outbox',
  'webhooks', 'webhook_deliveries', 'report_subscriptions', 'login_lockouts', 'login_windows',
];

const appOn = (database: Database) =>
  buildApp({ store: createStore(database.db), engine: database.engine, version: 'test', now: () => new Date(), loginRateLimit: { max: 1000, timeWindow: '1 minute' } });

type Card = { items: { code: string; actual: number | null }[] };
const revActual = (body: Card) => body.items.find((i) => i.code === 'REVENUE')!.actual;
const SCORECARD = '/api/scorecard?period=2026-03';

describe.each(engines())('cached reads on %s', (engine) => {
  // Two app instances (each with its own cache) over one database; on PostgreSQL each has its own connection pool.
  let first: Database;
  let second: Database;
  let close = async () => {};
  let appA: Awaited<ReturnType<typeof appOn>>;
  let appB: Awaited<ReturnType<typeof appOn>>;

  beforeAll(async () => {
    ({ first, second, close } = await twoConnections(engine));
    await seedDemo(createStore(first.db));
    [appA, appB] = [await appOn(first), await appOn(second)];
  });
  afterAll(async () => {
    await appA.close();
    await appB.close();
    await close();
  });

  it('serves a read again from the cache while the data is unchanged', async () => {
    const admin = await ApiClient.signedIn(appA, 'admin@minhan.vn');
    const ktt = await ApiClient.signedIn(appA, 'ktt@minhan.vn');
    expect((await ktt.post('/api/kpis/REVENUE/checkins', { period: '2026-03', value: 1000 })).statusCode).toBe(200);
    expect(revActual((await admin.get(SCORECARD)).json())).toBe(1000);
    // A write the version does not see (its trigger off) is invisible to the cached read: proof it was not recomputed.
    await sql`ALTER TABLE kpi_actuals DISABLE TRIGGER kpi_actuals_data_version`.execute(first.db);
    try {
      await sql`UPDATE kpi_actuals SET value = value + 1 WHERE scope_type = 'company' AND period_start = '2026-03-01' AND kpi_id = (SELECT id FROM kpis WHERE code = 'REVENUE')`.execute(first.db);
    } finally {
      await sql`ALTER TABLE kpi_actuals ENABLE TRIGGER kpi_actuals_data_version`.execute(first.db);
    }
    expect(revActual((await admin.get(SCORECARD)).json())).toBe(1000);
    expect((await sql<{ value: string }>`SELECT value::text FROM kpi_actuals WHERE scope_type = 'company' AND period_start = '2026-03-01' AND kpi_id = (SELECT id FROM kpis WHERE code = 'REVENUE')`.execute(first.db)).rows[0]!.value).toBe('1001');
  });

  it('a check-in through the API changes the next read, on this instance and on another one', async () => {
    const adminA = await ApiClient.signedIn(appA, 'admin@minhan.vn');
    const adminB = await ApiClient.signedIn(appB, 'admin@minhan.vn');
    await adminB.get(SCORECARD); // B caches its view before the write
    const ktt = await ApiClient.signedIn(appA, 'ktt@minhan.vn');
    const value = 987_654_321;
    expect((await ktt.post('/api/kpis/REVENUE/checkins', { period: '2026-03', value })).statusCode).toBe(200);
    expect(revActual((await adminA.get(SCORECARD)).json())).toBe(value);
    expect(revActual((await adminB.get(SCORECARD)).json())).toBe(value);
  });

  it('never serves one user the view another user asked for', async () => {
    const admin = await ApiClient.signedIn(appA, 'admin@minhan.vn');
    const manager = await ApiClient.signedIn(appA, 'truong.kd@minhan.vn');
    const employee = await ApiClient.signedIn(appA, 'nhanvien@minhan.vn');
    const all = (await admin.get('/api/dashboard/units?period=2026-03')).json() as { units: { code: string; id: number }[] };
    const mine = (await manager.get('/api/dashboard/units?period=2026-03')).json() as { units: { code: string }[] };
    expect(all.units.length).toBeGreaterThan(3);
    expect(mine.units.map((u) => u.code)).toEqual(['KD', 'KD-MB', 'KD-MN']);
    // The admin's cached scorecard of another unit is refused to the employee with the same query.
    const otherUnit = all.units.find((u) => u.code === 'KD-MN')!.id;
    expect((await admin.get(`${SCORECARD}&scope=unit:${otherUnit}`)).statusCode).toBe(200);
    expect((await employee.get(`${SCORECARD}&scope=unit:${otherUnit}`)).statusCode).toBe(403);
  });

  it('sends the cached response gzipped to clients that accept it, the same JSON as plain', async () => {
    const admin = await ApiClient.signedIn(appA, 'admin@minhan.vn');
    const plain = await admin.get('/api/dashboard/units?period=2026-03');
    const zipped = await admin.request({ method: 'GET', url: '/api/dashboard/units?period=2026-03', headers: { 'accept-encoding': 'gzip, br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('answers a repeated read with one query, the data version, read once for the session and the cache', async () => {
    // The same database through a plugin that counts every statement sent (no mock: the queries run).
    const sent: string[] = [];
    const counted = first.db.withPlugin({
      transformQuery: (args) => {
        sent.push(args.node.kind === 'RawNode' ? args.node.sqlFragments.join('?') : args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const app = await buildApp({ store: createStore(counted), engine: first.engine, version: 'test', now: () => new Date(), loginRateLimit: { max: 1000, timeWindow: '1 minute' } });
    try {
      const admin = await ApiClient.signedIn(app, 'admin@minhan.vn');
      for (const url of [SCORECARD, '/api/dashboard/units?period=2026-03&kpis=none', '/api/kpis', '/api/kpis?status=active&q=doanh']) {
        const once = (await admin.get(url)).json();
        sent.length = 0;
        expect((await admin.get(url)).json()).toEqual(once);
        expect(sent).toEqual(['SELECT sum(version)::text AS v FROM data_version']);
      }
    } finally {
      await app.close();
    }
  });

  it('computes once for requests that arrive together, and does not keep a failure', async () => {
    const cache = new ReadCache();
    const store = createStore(first.db);
    let computed = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 20));
    expect(await Promise.all([1, 2, 3].map(() => cache.read(store, 'k', slow)))).toEqual([1, 1, 1]);
    await expect(cache.read(store, 'bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.read(store, 'bad', slow)).toBe(2);
  });

  it('every table is either versioned by a trigger or listed as not read by cached reads', async () => {
    const { rows } = await sql<{ name: string; versioned: boolean }>`
      SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = c.relname || '_data_version') AS versioned
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'ds\\_%'`.execute(first.db);
    const unaccounted = rows.filter((r) => !r.versioned && !NOT_VERSIONED.includes(r.name)).map((r) => r.name);
    expect(unaccounted).toEqual([]);
    expect(rows.filter((r) => r.versioned).length).toBeGreaterThan(20);
  });
});
