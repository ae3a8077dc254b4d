import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../helpers/api';
import { engines } from '../helpers/db';
import { documentedRoutes, type DocumentedRoute } from '../helpers/routes';
import { hostileRequests, resolver, type HostileRequest, type Schema } from './hostile-requests';

// Every hostile value to every operation of the OpenAPI document, as an admin and as an anonymous client:
// never a 5xx, errors in the `{error: {code, message}}` shape, and afterwards a database with only finite
// numbers and clean text, and dashboards that still answer.
const ADMIN = 'admin@minhan.vn';
const PERIOD = '2026-11';

/** The numeric columns that hold values, targets, baselines and weights (migration 0005 guards them). */
const NUMERIC_COLUMNS: [string, string][] = [
  ['kpi_actuals', 'value'],
  ['kpi_actuals', 'numerator'],
  ['kpi_actuals', 'denominator'],
  ['kpi_actual_versions', 'value'],
  ['kpi_actual_versions', 'numerator'],
  ['kpi_actual_versions', 'denominator'],
  ['kpi_targets', 'value'],
  ['kpi_targets', 'min_value'],
  ['kpi_targets', 'max_value'],
  ['kpi_targets', 'stretch'],
  ['kpis', 'baseline_value'],
  ['kpi_parents', 'weight'],
];

describe.each(engines())('hostile values on every documented route (%s)', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let bearer: string;
  let routes: DocumentedRoute[];
  let resolve: (s: Schema) => Schema;
  let sent = 0;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as(ADMIN);
    anonymous = await t.anonymous();
    bearer = (await admin.post('/api/api-tokens', { name: 'Máy thử dữ liệu xấu' })).json().token as string;
    routes = await documentedRoutes(t.app);
    const doc = t.app.swagger() as { components?: { schemas?: Record<string, Schema> } };
    resolve = resolver(doc.components?.schemas ?? {});
  });
  afterAll(() => t.close());

  async function send(client: ApiClient, req: HostileRequest) {
    sent++;
    const headers: Record<string, string> = req.url.startsWith('/api/v1/') ? { authorization: `Bearer ${bearer}`, 'idempotency-key': `hostile-${sent}` } : {};
    return client.request({ method: req.method, url: req.url, headers, ...(req.payload !== undefined && { payload: req.payload as object }) });
  }

  it('never answers 5xx, and every error has the {error: {code, message}} shape', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const route of routes) {
      for (const req of hostileRequests(route, resolve)) {
        // Signing the admin out would turn the rest of the run into 401s.
        const clients = route.path === '/api/auth/logout' ? [anonymous] : [admin, anonymous];
        for (const client of clients) {
          const res = await send(client, req);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const who = client === admin ? 'admin' : 'anonymous';
          const where = `${who} ${req.method} ${route.path} ${req.label}`;
          if (res.statusCode >= 500) failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400) {
            const error = (res.json() as { error?: { code?: unknown; message?: unknown } }).error;
            if (typeof error?.code !== 'string' || typeof error.message !== 'string') failures.push(`${where} → ${res.statusCode} bad error body ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The run reached the handlers and the validators, not only the sign-in check.
    expect(statuses.get(400)).toBeGreaterThan(500);
    expect(statuses.get(401)).toBeGreaterThan(100);
  });

  it('leaves no NaN, ±Infinity or out-of-range number in the value columns', async () => {
    for (const [table, column] of NUMERIC_COLUMNS) {
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}
        WHERE ${sql.ref(column)}::text IN ('NaN', 'Infinity', '-Infinity') OR abs(${sql.ref(column)}) > 1e15`.execute(t.database.db);
      expect([table, column, Number(rows[0]!.n)]).toEqual([table, column, 0]);
    }
  });

  it('leaves no NUL and no replaced lone surrogate (U+FFFD) in any text or JSON column', async () => {
    const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type IN ('text', 'jsonb', 'ARRAY')`.execute(t.database.db);
    expect(columns.length).toBeGreaterThan(20);
    for (const c of columns) {
      const asText = sql`${sql.ref(c.column_name)}::text`;
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(c.table_name)}
        WHERE strpos(${asText}, chr(65533)) > 0 OR strpos(${asText}, '\\u0000') > 0`.execute(t.database.db);
      expect([c.table_name, c.column_name, Number(rows[0]!.n)]).toEqual([c.table_name, c.column_name, 0]);
    }
  });

  it('still serves the scorecard, the unit dashboard, KPI series and actuals lists', async () => {
    const fresh = await t.as(ADMIN);
    for (const url of [
      `/api/scorecard?period=${PERIOD}`,
      `/api/scorecard?period=2026`,
      `/api/dashboard/units?period=${PERIOD}`,
      `/api/strategy-map?period=${PERIOD}`,
      '/api/kpis/REVENUE/series',
      '/api/kpis/COST_PER_LEAD/series',
      '/api/kpis/REVENUE/actuals',
      '/api/kpis/COST_PER_LEAD/actuals',
      '/api/kpis',
    ]) {
      expect([url, (await fresh.get(url)).statusCode]).toEqual([url, 200]);
    }
  });
});
