import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, startTestApp, type TestApp } from '../../test/helpers/api';
import { engines } from '../../test/helpers/db';
import { documentedRoutes, fillPath, type DocumentedRoute } from '../../test/helpers/routes';

/** Routes anyone may call: nothing to protect (health, the session probe) or the way in (csrf, login); logout ends whatever session there is. */
// Public on purpose; adding a route here is a decision (the password reset link is the only way in for a user without a password).
const PUBLIC = new Set(['GET /api/health', 'GET /api/auth/csrf', 'GET /api/auth/session', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/reset']);
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A request that fails validation on every route: a bad id, unknown query fields, a body of the wrong shape. */
function invalidRequest(route: DocumentedRoute) {
  return {
    method: route.method,
    url: `${fillPath(route.path, { id: 'not-a-number', code: '%00' })}?period=nope&limit=-5&unitId=abc&bogus=1`,
    ...(MUTATING.has(route.method) && { payload: { bogus: ['x'], email: 42 } }),
  };
}

describe.each(engines())('authentication first, then CSRF, then validation (%s)', (engine) => {
  let t: TestApp;
  let routes: DocumentedRoute[];
  beforeAll(async () => {
    t = await startTestApp(engine);
    routes = await documentedRoutes(t.app);
  });
  afterAll(() => t.close());

  it('walks a document that has the routes of the findings', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(expect.arrayContaining(['GET /api/dashboard/units', 'POST /api/people', 'POST /api/v1/actuals', ...PUBLIC]));
    expect(routes.length).toBeGreaterThan(40);
  });

  it('answers 401 UNAUTHENTICATED to a stranger on every non-public route, before looking at the request', async () => {
    const answers: string[] = [];
    for (const route of routes.filter((r) => !PUBLIC.has(`${r.method} ${r.path}`))) {
      const res = await t.app.inject({ ...invalidRequest(route), headers: { 'accept-language': 'en' } });
      answers.push(`${route.method} ${route.path} → ${res.statusCode} ${res.json().error?.code}`);
    }
    expect(answers.filter((a) => !a.endsWith('→ 401 UNAUTHENTICATED'))).toEqual([]);
    expect(answers).toContain('GET /api/dashboard/units → 401 UNAUTHENTICATED');
  });

  it('says so in the request language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/people', headers: { 'accept-language': 'en' } });
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'You need to log in.' } });
    const vi = await t.app.inject({ method: 'POST', url: '/api/people', payload: { bogus: 1 } });
    expect(vi.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập.' } });
  });

  it('answers 401 to an integration without a valid bearer token before reading its body, even with a cookie', async () => {
    const cookie = await sessionCookie(t.app, 'admin@minhan.vn');
    for (const headers of [{}, { authorization: 'Bearer okpi_forged' }, { cookie }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/actuals', headers, payload: { actuals: 'not a list' } });
      expect([res.statusCode, res.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('answers 403 CSRF_INVALID to a signed-in request without the CSRF header on every state-changing route, before validating it', async () => {
    const cookie = await sessionCookie(t.app, 'admin@minhan.vn');
    const answers: string[] = [];
    for (const route of routes.filter((r) => MUTATING.has(r.method) && !r.path.startsWith('/api/v1/'))) {
      const res = await t.app.inject({ ...invalidRequest(route), headers: { cookie } });
      answers.push(`${route.method} ${route.path} → ${res.statusCode} ${res.json().error?.code}`);
    }
    expect(answers.filter((a) => !a.endsWith('→ 403 CSRF_INVALID'))).toEqual([]);
    expect(answers.length).toBeGreaterThan(15);
  });

  it('validates only once the caller is known and the CSRF token is right', async () => {
    const admin = await t.as('admin@minhan.vn');
    const res = await admin.patch('/api/auth/me', { locale: 'fr' });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const dashboard = await admin.get('/api/dashboard/units?unit=abc');
    expect([dashboard.statusCode, dashboard.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('still answers 404 for unknown API routes and serves the public ones to strangers', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await t.app.inject({ method, url: '/api/no-such-route', payload: method === 'POST' ? {} : undefined });
      expect([method, res.statusCode, res.json().error.code]).toEqual([method, 404, 'ROUTE_NOT_FOUND']);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session' })).json()).toEqual({ user: null });
  });
});
