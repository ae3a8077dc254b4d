import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCompany, GENERATED_PASSWORD } from '../../src/app/demo/generate/generate-company';
import { connect, type Database } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { createStore } from '../../src/db/store';
import { buildApp } from '../../src/server/app';
import { ApiClient } from '../helpers/api';
import { multipartFile } from '../helpers/multipart';
import { freshPostgresDatabase, withClient, type PostgresDatabase } from '../helpers/db';
import { createCitusDatabase, DISTRIBUTE_SQL, distribute } from './cluster';

/**
 * OpenKPI on Citus (docs/scaling.md, section 5): the same generated company in a plain PostgreSQL database and in a
 * Citus database laid out by scripts/citus-distribute.sql, the same requests through the real app on both, the
 * plain answers as the expected ones. Runs when CITUS_URL points at a coordinator:
 *   eval "$(bash scripts/citus-cluster.sh start /tmp/okpi-citus)"; npm run test:citus
 * The plain database lives on the coordinator too (without the citus extension), so both run on the same server.
 */

const ADMIN = 'admin@scale.openkpi.test';
const TODAY = '2026-12-05';
const NOW = new Date(`${TODAY}T05:00:00Z`); // 12:00 in Asia/Ho_Chi_Minh
const PERIOD = '2026-11';
const PEOPLE = Number(process.env.CITUS_PEOPLE ?? 1000);

interface Side {
  name: 'plain' | 'citus';
  db: PostgresDatabase;
  database: Database;
  app: FastifyInstance;
  admin: ApiClient;
  /** The app's error log lines (JSON), to read the database error behind a 500. */
  errors: string[];
  generated: number;
}

let plain: Side;
let citus: Side;
let distributeSeconds = 0;
const timings: Record<string, Record<string, string>> = {};

async function open(name: Side['name'], db: PostgresDatabase): Promise<Side> {
  const database = await connect({ databaseUrl: db.url });
  await migrate(database.db);
  const summary = await generateCompany(database, { people: PEOPLE, today: TODAY });
  return { name, db, database, generated: summary.seconds } as Side;
}

async function serve(side: Side): Promise<void> {
  side.errors = [];
  side.app = await buildApp(
    { store: createStore(side.database.db), engine: 'postgres', version: 'citus-test', now: () => NOW, loginRateLimit: { max: 1000, timeWindow: '1 minute' } },
    { logger: { level: 'error', stream: { write: (line: string) => void side.errors.push(line) } } },
  );
  side.admin = await ApiClient.signedIn(side.app, ADMIN, GENERATED_PASSWORD);
}

/** Timestamps of when a row was written differ between the two runs; everything else must not. */
function comparable(body: string): unknown {
  return JSON.parse(body, (key, value: unknown) => (/^(createdAt|updatedAt|changedAt|generatedAt|at)$/.test(key) ? '<time>' : value));
}

async function get(side: Side, path: string): Promise<unknown> {
  const res = await side.admin.get(path);
  expect(res.statusCode, `${side.name} GET ${path}: ${res.body.slice(0, 300)}`).toBe(200);
  return comparable(res.body);
}

/** The database error the app logged for the last request that failed with 500. */
function lastError(side: Side): string {
  const line = side.errors.at(-1);
  return line ? ((JSON.parse(line) as { err?: { message?: string } }).err?.message ?? line) : '(nothing logged)';
}

async function sql<T>(side: Side, text: string, values: unknown[] = []): Promise<T[]> {
  return withClient(side.db.url, async (c) => (await c.query(text, values)).rows as T[]);
}


async function median(times: number, f: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    await before?.();
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
}

describe.runIf(process.env.CITUS_URL)('OpenKPI on Citus: reference and distributed tables (docs/scaling.md §5)', () => {
  beforeAll(async () => {
    const adminUrl = process.env.CITUS_URL!;
    // The reference run: a plain PostgreSQL database (no citus extension) on the coordinator.
    plain = await open('plain', await freshPostgresDatabase({ adminUrl }));
    citus = await open('citus', await createCitusDatabase(adminUrl));
    const t0 = performance.now();
    await distribute(citus.db.url);
    distributeSeconds = (performance.now() - t0) / 1000;
    await serve(plain);
    await serve(citus);
    console.log(`company of ${PEOPLE} people generated in ${plain.generated} s (plain) and ${citus.generated} s (citus, before distributing); ${DISTRIBUTE_SQL} took ${distributeSeconds.toFixed(1)} s`);
  }, 900_000);

  afterAll(async () => {
    if (Object.keys(timings).length > 0) console.table(timings);
    for (const side of [plain, citus]) {
      if (!side) continue;
      await side.app?.close();
      await side.database.close();
      await side.db.drop();
    }
  });

  it('lays the tables out as planned: kpi_actuals and its history by kpi_id, small tables as reference tables, the rest on the coordinator', async () => {
    const rows = await sql<{ t: string; method: string; model: string; column: string | null; colocation: number }>(
      citus,
      `SELECT logicalrelid::text AS t, partmethod AS method, repmodel AS model, column_to_column_name(logicalrelid, partkey) AS column, colocationid AS colocation
       FROM pg_dist_partition WHERE logicalrelid::text NOT LIKE 'okpi_citus.%' ORDER BY 1`,
    );
    const kind = (r: (typeof rows)[number]) => (r.method === 'h' ? `distributed by ${r.column}` : r.model === 't' ? 'reference' : 'citus local');
    const layout = Object.fromEntries(rows.map((r) => [r.t, kind(r)]));
    expect(layout.kpi_actuals).toBe('distributed by kpi_id');
    expect(layout.kpi_actual_versions).toBe('distributed by kpi_id');
    expect(new Set(rows.filter((r) => r.method === 'h').map((r) => r.colocation)).size).toBe(1);
    for (const t of ['company', 'users', 'org_units', 'people', 'kpis', 'kpi_targets', 'appraisal_cycles', 'appraisal_sheets', 'appraisal_items', 'campaigns']) {
      expect(layout[t], t).toBe('reference');
    }
    for (const t of ['sessions', 'audit_log', 'notifications', 'kpi_evidence', 'api_tokens']) expect(layout[t], t).toBe('citus local');
    // Plain tables on the coordinator: the dataset catalogue and its tables, mail, webhooks, login throttles.
    for (const t of ['datasets', 'kpi_dataset_bindings', 'ds_orders', 'mail_outbox', 'webhook_deliveries', 'login_windows']) expect(layout[t], t).toBeUndefined();
    // Every row of the facts is in the shards, and the same as in the plain database.
    const count = async (side: Side) => (await sql<{ n: string; s: string }>(side, 'SELECT count(*) AS n, sum(value) AS s FROM kpi_actuals'))[0];
    expect(await count(citus)).toEqual(await count(plain));
  });

  it('reads: scorecards (company, unit, person, quarter, year), strategy map, dashboards, series and the evaluation cycle answer as on plain PostgreSQL', async () => {
    const paths = [
      `/api/scorecard?period=${PERIOD}`,
      `/api/scorecard?period=${PERIOD}&scope=unit:2`,
      `/api/scorecard?period=${PERIOD}&scope=person:19`,
      '/api/scorecard?period=2026-Q3',
      '/api/scorecard?period=2025',
      `/api/strategy-map?period=${PERIOD}`,
      `/api/dashboard/units?period=${PERIOD}`,
      '/api/dashboard/units?period=2026-Q3',
      `/api/dashboard/units/2/kpis?period=${PERIOD}`,
      '/api/kpis/S_REVENUE/actuals?scope=unit:2',
      '/api/kpis/S_REVENUE/series?scope=unit:2',
      `/api/diagnostics/misses?period=${PERIOD}`,
      `/api/reports/digest?period=${PERIOD}`,
      '/api/appraisal/cycles/1/sheets',
      '/api/appraisal/sheets/1',
      '/api/appraisal/cycles/1/calibration',
    ];
    for (const path of paths) expect(await get(citus, path), path).toEqual(await get(plain, path));
    // The overview's late reports sort by deadline, KPI and person's name (src/app/calendar/measurement-calendar.ts),
    // with no last key: two people of the same name come in the order the rows came from the database, which on
    // Citus is the order the shards answered. Same items, compared in a fixed order.
    const overview = async (side: Side) => {
      const o = (await get(side, `/api/overview?period=${PERIOD}`)) as { lateReports: { items: { scope: { id: number } }[] } };
      o.lateReports.items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      return o;
    };
    expect(await overview(citus)).toEqual(await overview(plain));
    // A real number, not two empty answers.
    const scorecard = (await get(plain, `/api/scorecard?period=${PERIOD}`)) as { score: number; items: unknown[] };
    expect(scorecard.items.length).toBeGreaterThan(10);
    expect(scorecard.score).toBeGreaterThan(0.5);
  });

  it('a write that lands on the workers (an import of new unit values, by COPY) bumps the data version there: the cached dashboard shows it', async () => {
    // Every (KPI, unit) of December: new slots, more than 1,000 rows, so the import copies them into kpi_actuals.
    const csv = ['KPI code,Period,Unit,Value'];
    const units = await sql<{ id: number; code: string }>(plain, 'SELECT id, code FROM org_units ORDER BY id');
    const kpis = await sql<{ id: number; code: string }>(plain, 'SELECT id, code FROM kpis ORDER BY id');
    for (const k of kpis) for (const u of units) csv.push(`${k.code},2026-12,${u.code},${k.id * 1000 + u.id}`);
    expect(csv.length - 1).toBeGreaterThanOrEqual(1000);
    const path = '/api/dashboard/units/2/kpis?period=2026-12';
    // The data version's rows per worker (a row's key names the node whose shard holds it).
    const workerVersions = () =>
      sql<{ node: number; v: string }>(
        citus,
        `SELECT p.groupid AS node, sum(d.version)::text AS v FROM okpi_citus.data_version d
         JOIN pg_dist_placement p ON p.shardid = get_shard_id_for_distribution_column('okpi_citus.data_version', d.node)
         WHERE p.groupid > 0 GROUP BY p.groupid ORDER BY p.groupid`,
      );

    const results: unknown[] = [];
    for (const side of [plain, citus]) {
      const before = (await get(side, path)) as { kpis: { code: string; actual: number | null }[] };
      expect(before.kpis.find((k) => k.code === 'L_UNIT_REVENUE')?.actual ?? null).toBeNull();
      const workersBefore = side === citus ? await workerVersions() : [];
      const t0 = performance.now();
      const res = await side.admin.request({ method: 'POST', url: '/api/actuals/import', ...multipartFile('file', 'december.csv', csv.join('\n')) });
      (timings[`import of ${csv.length - 1} new values (ms)`] ??= {})[side.name] = (performance.now() - t0).toFixed(0);
      expect(res.statusCode, `${side.name}: ${res.body.slice(0, 300)} ${lastError(side)}`).toBe(200);
      results.push(res.json());
      if (side === citus) {
        const workersAfter = await workerVersions();
        expect(workersAfter.length).toBe(2);
        for (const [i, w] of workersAfter.entries()) expect(BigInt(w.v), `worker ${w.node}`).toBeGreaterThan(BigInt(workersBefore[i]?.v ?? 0));
      }
      const after = (await get(side, path)) as { kpis: { code: string; actual: number | null }[] };
      const lur = kpis.find((k) => k.code === 'L_UNIT_REVENUE')!;
      expect(after.kpis.find((k) => k.code === 'L_UNIT_REVENUE')?.actual).toBe(lur.id * 1000 + 2);
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]).toMatchObject({ rows: csv.length - 1, inserted: csv.length - 1, updated: 0, issueCount: 0 });
    expect(await get(citus, path)).toEqual(await get(plain, path));
  });

  it('datasets: an import, measures, cohorts and repeat shares answer as on plain PostgreSQL, also after ds_orders is distributed by hand', async () => {
    const file = 'day,region,amount\n2026-10-01,Bắc,10\n2026-10-02,Nam,20\n2026-11-01,Bắc,5\n2026-11-15,Trung,7\n';
    const queries: [string, unknown][] = [
      ['/api/datasets/sales/query', { measures: [{ name: 'total', expression: 'sum(amount)' }, { name: 'n', expression: 'count()' }], by: ['region'] }],
      ['/api/datasets/orders/query', { measures: [{ name: 'revenue', expression: 'sum(revenue)' }, { name: 'customers', expression: 'count_distinct(customer_id)' }, { name: 'orders', expression: 'count()' }], by: ['region'] }],
      ['/api/datasets/orders/cohorts', { customer: 'customer_id', date: 'ordered_at', within: 90 }],
      ['/api/datasets/orders/repeat-share', { customer: 'customer_id', date: 'ordered_at' }],
    ];
    const answers = async (side: Side) => {
      const out: unknown[] = [];
      for (const [path, body] of queries) {
        const res = await side.admin.post(path, body);
        expect(res.statusCode, `${side.name} ${path}: ${res.body.slice(0, 200)}`).toBe(200);
        out.push(res.json());
      }
      return out;
    };
    for (const side of [plain, citus]) {
      const res = await side.admin.request({ method: 'POST', url: '/api/datasets/sales/import', ...multipartFile('file', 'sales.csv', file) });
      expect(res.statusCode, `${side.name}: ${res.body.slice(0, 300)} ${lastError(side)}`).toBe(200);
    }
    const expected = await answers(plain);
    expect(expected[0]).toEqual({ columns: ['region', 'total', 'n'], rows: [{ region: 'Bắc', total: 15, n: 2 }, { region: 'Nam', total: 20, n: 1 }, { region: 'Trung', total: 7, n: 1 }] });
    expect(await answers(citus)).toEqual(expected);

    // The operator's step after an import (docs/scaling.md): the table the app created on the coordinator is
    // distributed by its key column; its primary key must contain that column first.
    await sql(citus, 'ALTER TABLE ds_orders DROP CONSTRAINT ds_orders_pkey, ADD PRIMARY KEY (_id, order_id)');
    await sql(citus, "SELECT create_distributed_table('ds_orders', 'order_id')");
    await sql(citus, "SELECT truncate_local_data_after_distributing_table('ds_orders')");
    expect(await answers(citus)).toEqual(expected);
    // An append with the key (an upsert through a staging table) still works, and counts the same.
    const append = 'order_id,ordered_at,customer_id,province,region,channel,category,product,quantity,unit_price,revenue\nCITUS-1,2026-11-20 10:00,KH-CITUS,Hà Nội,Miền Bắc,Online,A,P,2,100,200\n';
    const appended: unknown[] = [];
    for (const side of [plain, citus]) {
      const res = await side.admin.request({ method: 'POST', url: '/api/datasets/orders/import', ...multipartFile('file', 'more.csv', append) });
      expect(res.statusCode, `${side.name}: ${res.body.slice(0, 300)} ${lastError(side)}`).toBe(200);
      appended.push((res.json() as { rows: number; inserted: number; dataset: { rowCount: number } }).dataset.rowCount);
    }
    expect(appended[1]).toBe(appended[0]);
    expect(await answers(citus)).toEqual(await answers(plain));
  });

  it('a check-in on the distributed kpi_actuals: stored, its old value kept in the history, read back as on plain PostgreSQL', async () => {
    const body = { period: PERIOD, scope: { type: 'unit', id: 2 }, value: 123456789 };
    for (const side of [plain, citus]) {
      const res = await side.admin.post('/api/kpis/S_REVENUE/checkins', body);
      expect(res.statusCode, `${side.name}: ${res.body.slice(0, 300)} ${lastError(side)}`).toBe(200);
      expect(res.json()).toMatchObject({ value: 123456789 });
    }
    const path = '/api/kpis/S_REVENUE/actuals?scope=unit:2';
    expect(await get(citus, path)).toEqual(await get(plain, path));
    // The slot's earlier values (its id is looked up first: a join of the history with kpi_actuals on id alone would
    // need repartitioning on Citus, as both are distributed by kpi_id).
    const history = (side: Side) =>
      sql<{ version: number; value: string }>(
        side,
        `SELECT version, value::text AS value FROM kpi_actual_versions WHERE actual_id = (
           SELECT id FROM kpi_actuals WHERE kpi_id = (SELECT id FROM kpis WHERE code = 'S_REVENUE')
             AND period_kind = 'month' AND period_start = DATE '2026-11-01' AND scope_type = 'unit' AND scope_id = 2)
         ORDER BY version`,
      );
    const earlier = await history(plain);
    expect(earlier.length, 'the check-in replaced a stored value').toBeGreaterThan(0);
    expect(await history(citus)).toEqual(earlier);
  });

  describe('writes that need an app change (each fails on Citus, writes nothing, and works on plain PostgreSQL)', () => {
    it('importing values of stored slots: LEFT JOIN LATERAL on kpi_actuals (src/db/repositories/actuals-write.ts, upsertFrom)', async () => {
      const file = 'KPI code,Period,Unit,Value\nS_REVENUE,2026-10,KHOI-01,1\n';
      const ok = await plain.admin.request({ method: 'POST', url: '/api/actuals/import', ...multipartFile('file', 'one.csv', file) });
      expect(ok.json()).toMatchObject({ rows: 1, updated: 1 });
      const failed = await citus.admin.request({ method: 'POST', url: '/api/actuals/import', ...multipartFile('file', 'one.csv', file) });
      expect(failed.statusCode).toBe(500);
      expect(lastError(citus)).toMatch(/DO UPDATE SET clause|lateral outer join/);
    });

    it('locking the evaluation cycle: max(ARRAY[…]) over kpi_actuals and UPDATE … FROM a temporary table (src/db/repositories/appraisal-results.ts)', async () => {
      const ok = await plain.admin.post('/api/appraisal/cycles/1/phase', { phase: 'locked', reason: 'Citus test' });
      expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
      expect(ok.json()).toMatchObject({ phase: 'locked' });
      const failed = await citus.admin.post('/api/appraisal/cycles/1/phase', { phase: 'locked', reason: 'Citus test' });
      expect(failed.statusCode).toBe(500);
      expect(lastError(citus)).toMatch(/no matching oid for function: max|appraisal_item_results_in is not distributed/);
      expect(await get(citus, '/api/appraisal/cycles/1')).toMatchObject({ phase: 'track' });
    });
  });

  it('timings (reported, not asserted): scorecard and unit dashboard, computed (cache invalidated) and cached', async () => {
    const reads = { scorecard: `/api/scorecard?period=${PERIOD}`, 'unit dashboard': `/api/dashboard/units?period=${PERIOD}`, 'unit KPIs': `/api/dashboard/units/2/kpis?period=${PERIOD}` };
    for (const side of [plain, citus]) {
      const client = new pg.Client(side.db.url);
      await client.connect();
      // Any write bumps the data version, so the next read computes instead of answering from the cache.
      const invalidate = () => client.query('UPDATE company SET updated_at = updated_at');
      for (const [name, path] of Object.entries(reads)) {
        await side.admin.get(path); // warm up the connections and the plan caches
        const computed = await median(5, () => side.admin.get(path), invalidate);
        const cached = await median(9, () => side.admin.get(path));
        (timings[`${name} (ms, median)`] ??= {})[side.name] = computed.toFixed(1);
        timings[`${name} (ms, median)`]![`${side.name}, cached`] = cached.toFixed(1);
      }
      // What every request pays first (the session check reads it): on Citus a query over the three nodes.
      (timings['data version read (ms, median)'] ??= {})[side.name] = (await median(21, () => client.query('SELECT sum(version)::text FROM data_version'))).toFixed(2);
      await client.end();
    }
    expect(Object.keys(timings).length).toBe(5);
  });
});
