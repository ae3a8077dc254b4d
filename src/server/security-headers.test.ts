import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../db/store';
import type { Database } from '../db/connect';
import { freshDatabase } from '../../test/helpers/db';
import { buildApp } from './app';
import { API_CSP, WEB_CSP } from './security-headers';

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

describe('security headers', () => {
  let database: Database;
  let app: FastifyInstance;
  let secure: FastifyInstance;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    const webDir = mkdtempSync(join(tmpdir(), 'okpi-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>OpenKPI</title>');
    const deps = { store: createStore(database.db), engine: 'pglite' as const, version: 'test', now: () => new Date() };
    app = await buildApp(deps, { webDir });
    secure = await buildApp({ ...deps, secureCookies: true }, { webDir });
  });
  afterAll(async () => {
    await app.close();
    await secure.close();
    await database.close();
  });

  it('puts a strict CSP and anti-framing headers on the web app, with no inline script allowed', async () => {
    for (const url of ['/', '/login', '/kpis/REV']) {
      const res = await app.inject({ method: 'GET', url });
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect(res.headers).toMatchObject({ ...COMMON, 'content-security-policy': WEB_CSP });
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    expect(WEB_CSP).toContain("script-src 'self';");
    expect(WEB_CSP).toContain("frame-ancestors 'none'");
    expect(WEB_CSP).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('marks every API answer no-store, errors and 401s included', async () => {
    const answers = [
      await app.inject({ method: 'GET', url: '/api/health' }),
      await app.inject({ method: 'GET', url: '/api/people' }),
      await app.inject({ method: 'GET', url: '/api/no-such-route' }),
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: 'not json', headers: { 'content-type': 'application/json' } }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404, 403]);
    for (const res of answers) expect(res.headers).toMatchObject({ ...COMMON, 'cache-control': 'no-store', 'content-security-policy': API_CSP });
  });

  it('sends HSTS only when cookies are secure (served over HTTPS)', async () => {
    for (const url of ['/', '/api/health', '/api/people']) {
      const res = await secure.inject({ method: 'GET', url });
      expect([url, res.headers['strict-transport-security']]).toEqual([url, 'max-age=31536000; includeSubDomains']);
    }
  });
});
