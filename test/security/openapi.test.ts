import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/api';
import { documentedRoutes, type DocumentedRoute } from '../helpers/routes';

type Parameter = { in: string; name: string; required?: boolean };
type Response = { content?: Record<string, { schema?: { $ref?: string } }> };
type MediaSchema = { properties?: Record<string, { type?: string; format?: string }>; required?: string[] };

const PUBLIC = ['GET /api/health', 'GET /api/auth/csrf', 'POST /api/auth/login', 'GET /api/auth/session', 'POST /api/auth/reset'];
const UPLOADS = ['POST /api/actuals/import/preview', 'POST /api/actuals/import', 'POST /api/actuals/{id}/evidence', 'POST /api/people/import'];

const name = (r: DocumentedRoute) => `${r.method} ${r.path}`;
const responses = (r: DocumentedRoute) => r.operation.responses as Record<string, Response>;
const headers = (r: DocumentedRoute) => ((r.operation.parameters ?? []) as Parameter[]).filter((p) => p.in === 'header');

describe('the OpenAPI document at /api/openapi.json', () => {
  let t: TestApp;
  let routes: DocumentedRoute[];
  let served: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp('pglite', { seed: false });
    routes = await documentedRoutes(t.app);
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    served = res.json();
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.0 document for a standard validator (every $ref resolves)', async () => {
    const result = await validate(structuredClone(served) as never);
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    expect(served.openapi).toBe('3.0.3');
    // The recursive strategy-map node is a component the recursion refers to by name.
    expect(JSON.stringify(served)).toContain('"#/components/schemas/StrategyMapNode"');
  });

  it('declares the session cookie and bearer token schemes', () => {
    const schemes = (served.components as { securitySchemes: Record<string, Record<string, string>> }).securitySchemes;
    expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'okpi_session' });
    expect(schemes.session!.description).toContain('x-csrf-token');
    expect(schemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('gives public routes no security, /api/v1 the bearer token and every other route the session, with a 401', () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) {
      const expected = PUBLIC.includes(name(r)) || name(r) === 'POST /api/auth/logout' ? [] : r.path.startsWith('/api/v1/') ? [{ apiToken: [] }] : [{ session: [] }];
      expect(r.operation.security, name(r)).toEqual(expected);
      if (expected.length > 0) expect(Object.keys(responses(r)), name(r)).toContain('401');
    }
    for (const p of PUBLIC) expect(routes.map(name)).toContain(p);
  });

  it('documents the ErrorBody for the errors each operation can give', () => {
    const has = (r: DocumentedRoute, status: string) => {
      const res = responses(r)[status];
      return res?.content?.['application/json']?.schema?.$ref === '#/components/schemas/ErrorBody';
    };
    for (const r of routes) {
      expect(has(r, '500'), name(r)).toBe(true);
      if (name(r) !== 'GET /api/health') expect(has(r, '503'), `${name(r)} 503`).toBe(true);
      if (r.operation.security !== undefined && (r.operation.security as unknown[]).length > 0) {
        for (const status of ['401', '403', '422']) expect(has(r, status), `${name(r)} ${status}`).toBe(true);
      }
      if (r.path.includes('{')) expect(has(r, '404'), name(r)).toBe(true);
      if (r.operation.requestBody) expect(has(r, '400'), name(r)).toBe(true);
    }
    const login = routes.find((r) => name(r) === 'POST /api/auth/login')!;
    expect(has(login, '429')).toBe(true);
    expect(Object.keys(responses(routes.find((r) => name(r) === 'GET /api/health')!)).sort()).toEqual(['200', '500']); // no database: no 503
    const body = (served.components as { schemas: Record<string, { required?: string[] }> }).schemas.ErrorBody;
    expect(body?.required).toEqual(['error']);
  });

  it('gives each upload route a multipart/form-data body with a required binary file field', () => {
    for (const upload of UPLOADS) {
      const r = routes.find((x) => name(x) === upload);
      expect(r, upload).toBeDefined();
      const content = (r!.operation.requestBody as { content: Record<string, { schema: MediaSchema }> }).content;
      expect(Object.keys(content), upload).toEqual(['multipart/form-data']);
      expect(content['multipart/form-data']!.schema.properties!.file).toMatchObject({ type: 'string', format: 'binary' });
      expect(content['multipart/form-data']!.schema.required).toEqual(['file']);
      expect(Object.keys(responses(r!))).toEqual(expect.arrayContaining(['413', '415']));
    }
    const mapping = routes.find((x) => name(x) === 'POST /api/actuals/import')!.operation.requestBody as { content: Record<string, { schema: MediaSchema }> };
    expect(Object.keys(mapping.content['multipart/form-data']!.schema.properties!)).toEqual(['file', 'mapping']);
  });

  it('marks required headers required: Idempotency-Key on the v1 push, the CSRF token on state-changing session requests', () => {
    const push = routes.find((r) => name(r) === 'POST /api/v1/actuals')!;
    expect(headers(push)).toEqual([expect.objectContaining({ name: 'idempotency-key', required: true })]);
    for (const r of routes.filter((x) => x.method !== 'GET' && !x.path.startsWith('/api/v1/'))) {
      expect(headers(r), name(r)).toContainEqual(expect.objectContaining({ name: 'x-csrf-token', required: true }));
    }
    for (const r of routes.filter((x) => x.method === 'GET')) expect(headers(r).map((h) => h.name), name(r)).not.toContain('x-csrf-token');
  });

  it('describes the evidence download as a binary file', () => {
    const download = routes.find((r) => name(r) === 'GET /api/evidence/{id}')!;
    expect(responses(download)['200']!.content).toEqual({ 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } });
  });
});
