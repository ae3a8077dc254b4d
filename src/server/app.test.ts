import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase } from '../../test/helpers/db';
import type { Database } from '../db/connect';
import { createStore } from '../db/store';
import { buildApp } from './app';

describe('serving the web app', () => {
  let database: Database;
  let app: FastifyInstance;
  const webDir = mkdtempSync(join(tmpdir(), 'okpi-web-'));

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>OpenKPI</title>');
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
    database = await freshDatabase('pglite');
    app = await buildApp({ store: createStore(database.db), engine: 'pglite', version: 't', now: () => new Date() }, { webDir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('serves assets, falls back to index.html for app routes, and 404s unknown API routes as JSON', async () => {
    expect((await app.inject('/assets/app-1.js')).body).toBe('console.log(1)');
    const deep = await app.inject('/org-chart/units/3');
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    expect(deep.body).toContain('<title>OpenKPI</title>');
    const api = await app.inject('/api/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves files written after start (a rebuild needs no restart)', async () => {
    writeFileSync(join(webDir, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await app.inject('/assets/app-2.js')).body).toBe('console.log(2)');
  });
});
