import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db';
import type { Database } from '../db/connect';
import { createStore } from '../db/store';
import { buildApp } from './app';

const JS = `export const greeting = ${JSON.stringify('xin chào '.repeat(200))};\n`;
const INDEX = '<!doctype html><title>OpenKPI</title><script type="module" src="/assets/app-abc123.js"></script>';

describe('serving the built web app compressed and cached', () => {
  let database: Database;
  let app: FastifyInstance;
  const webDir = mkdtempSync(join(tmpdir(), 'okpi-static-'));

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'app-abc123.js'), JS);
    writeFileSync(join(webDir, 'assets', 'app-abc123.js.br'), brotliCompressSync(JS));
    writeFileSync(join(webDir, 'assets', 'app-abc123.js.gz'), gzipSync(JS));
    database = await freshDatabase('pglite');
    app = await buildApp({ store: createStore(database.db), engine: 'pglite', version: 't', now: () => new Date() }, { webDir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends the .br file to a browser that accepts brotli', async () => {
    const res = await get('/assets/app-abc123.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(JS);
    expect(res.rawPayload.length).toBeLessThan(JS.length / 10); // 1,800 repeated characters shrink to a few dozen bytes
  });

  it('sends the .gz file to a browser that accepts only gzip', async () => {
    const res = await get('/assets/app-abc123.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(JS);
  });

  it('sends the plain file when no encoding is accepted', async () => {
    const res = await get('/assets/app-abc123.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(JS);
  });

  it('caches hashed assets for a year, compressed or not', async () => {
    for (const enc of ['br', 'gzip', undefined]) {
      const res = await get('/assets/app-abc123.js', enc);
      expect([enc, res.headers['cache-control']]).toEqual([enc, 'public, max-age=31536000, immutable']);
    }
  });

  it('makes the browser revalidate index.html and the app routes that fall back to it', async () => {
    for (const url of ['/', '/index.html', '/kpis/REVENUE', '/settings/company']) {
      const res = await get(url, 'gzip, br');
      expect([url, res.statusCode, res.headers['cache-control']]).toEqual([url, 200, 'no-cache']);
      expect(res.body).toBe(INDEX);
    }
  });
});
