import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports';
import { buildApp } from '../../src/server/app';
import { API_CSP, WEB_CSP } from '../../src/server/security-headers';
import { startTestApp, type TestApp } from '../helpers/api';
import { multipartFile } from '../helpers/multipart';

const COMMON = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };

/** The headers every answer carries, and a CSP that forbids framing (ASVS 14.4.3–14.4.7). */
function expectSafeHeaders(res: LightMyRequestResponse, what: string) {
  const h = { status: res.statusCode, ...res.headers };
  expect({ what, ...h }).toMatchObject({ what, ...COMMON });
  expect([what, String(res.headers['content-security-policy'])]).toEqual([what, expect.stringContaining("frame-ancestors 'none'")]);
}

describe('security headers on static assets, downloads and every kind of error', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let broken: FastifyInstance;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    const webDir = mkdtempSync(join(tmpdir(), 'okpi-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>OpenKPI</title>');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    const deps = { store: t.store, engine: 'pglite' as const, version: 'test', now: () => new Date() };
    app = await buildApp(deps, { webDir });
    // A store whose session lookup fails: every request with a cookie ends in a 500.
    const failing: Store = { ...t.store, sessions: { ...t.store.sessions, findActive: () => Promise.reject(new Error('disk on fire')) } };
    broken = await buildApp({ ...deps, store: failing }, { webDir });
  });
  afterAll(async () => {
    await app.close();
    await broken.close();
    await t.close();
  });

  it('on a built script and a missing asset', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expectSafeHeaders(asset, 'asset');
    expect(asset.headers['content-security-policy']).toBe(WEB_CSP);
    const missing = await app.inject({ method: 'GET', url: '/assets/nope.js' });
    expectSafeHeaders(missing, `missing asset ${missing.statusCode}`);
  });

  it('on API errors: 404, 413 (body too large) and 500', async () => {
    const notFound = await app.inject({ method: 'GET', url: '/api/no-such-route', headers: { origin: 'https://evil.example' } });
    // Same-origin only: no CORS header lets another site read an answer.
    expect(notFound.headers['access-control-allow-origin']).toBeUndefined();
    expect(notFound.statusCode).toBe(404);
    // Signed in with a CSRF token, so the body limit (1 MB) is what answers.
    const tooLarge = await (await t.as('admin@minhan.vn')).post('/api/kpis', { name: 'a'.repeat(2 * 1024 * 1024) });
    expect(tooLarge.statusCode).toBe(413);
    const crashed = await broken.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'okpi_session=abc' } });
    expect(crashed.statusCode).toBe(500);
    expect(crashed.json().error.code).toBe('INTERNAL');
    for (const [what, res] of [['404', notFound], ['413', tooLarge], ['500', crashed]] as const) {
      expectSafeHeaders(res, what);
      expect([what, res.headers['content-security-policy'], res.headers['cache-control']]).toEqual([what, API_CSP, 'no-store']);
    }
  });

  it('on an evidence download, which sets its own sandboxing CSP', async () => {
    const admin = await t.as('admin@minhan.vn');
    const checkIn = await admin.post('/api/kpis/REVENUE/checkins', { period: '2025-06', value: 1000 });
    expect(checkIn.statusCode).toBe(200);
    const actualId = (checkIn.json() as { id: number }).id;
    const up = await admin.request({ method: 'POST', url: `/api/actuals/${actualId}/evidence`, ...multipartFile('file', 'a.pdf', '%PDF-1.7\n%%EOF\n', 'application/pdf') });
    expect(up.statusCode).toBe(201);
    const down = await admin.get(`/api/evidence/${up.json().id}`);
    expect(down.statusCode).toBe(200);
    expectSafeHeaders(down, 'evidence');
    expect(down.headers['content-security-policy']).toContain('sandbox');
    expect(down.headers['content-disposition']).toMatch(/^attachment;/);
  });
});
