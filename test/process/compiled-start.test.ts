import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, inputsHash, isFresh, startNodeFlags, TARGETS, type BuildTarget } from '../../scripts/build-server.mjs';
import { ROOT } from '../../src/config';
import { engines, freshPostgresDatabase } from '../helpers/db';
import { freePort } from './spawn-server';

const PACKAGE_VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

/**
 * What `npm start` runs in production: node with its flags on dist/server/main.js, no TypeScript loader. Started from another
 * working folder, so it must find its migrations and package.json (and so the demo company, by the same ROOT)
 * from its own location. Without the demo company: loading it takes most of a minute on a busy 2-core machine.
 */
async function startCompiled(env: Record<string, string>) {
  const port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), 'okpi-compiled-cwd-'));
  const child = spawn(process.execPath, [...startNodeFlags(), join(ROOT, TARGETS.server.out, 'main.js')], {
    cwd,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', OPENKPI_SCHEDULER: 'off', OPENKPI_DEMO: '0', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    const code = await exited;
    rmSync(cwd, { recursive: true, force: true });
    return code;
  };
  for (let waited = 0; waited < 90_000; waited += 100) {
    if (child.exitCode !== null) break;
    const health = await fetch(`${url}/api/health`).catch(() => undefined);
    if (health) return { url, health, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the compiled server did not answer: ${output}`);
}

beforeAll(async () => {
  if (!isFresh(TARGETS.server)) await buildServer();
}, 120_000);

describe.each(engines())('the compiled server on %s', (engine) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('migrates an empty database, answers /api/health 200 with the package version and stops cleanly on SIGTERM', async () => {
    let env: Record<string, string>;
    if (engine === 'pglite') {
      const dataDir = mkdtempSync(join(tmpdir(), 'okpi-compiled-data-'));
      cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      env = { OPENKPI_DATA_DIR: dataDir };
    } else {
      const database = await freshPostgresDatabase();
      cleanup.push(() => database.drop());
      env = { DATABASE_URL: database.url };
    }
    const server = await startCompiled(env);
    try {
      expect(server.health.status).toBe(200);
      expect(await server.health.json()).toEqual({ status: 'ok', db: engine, version: PACKAGE_VERSION });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('the build stamp (when npm start rebuilds and the CLI falls back to tsx)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okpi-build-stamp-'));
  const at = (p: string) => join(dir, p);
  const target: BuildTarget = { out: relative(ROOT, at('out')), inputs: [relative(ROOT, at('src'))], skip: [relative(ROOT, at('src/web'))] };
  const stampNow = () => writeFileSync(at('out/.stamp'), inputsHash(target));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is fresh only until an input file is edited, added or deleted; tests and skipped folders do not count', () => {
    mkdirSync(at('src/web'), { recursive: true });
    mkdirSync(at('out'));
    writeFileSync(at('src/a.ts'), 'export const a = 1;');
    expect(isFresh(target)).toBe(false); // never built
    stampNow();
    expect(isFresh(target)).toBe(true);

    writeFileSync(at('src/a.test.ts'), 'test');
    writeFileSync(at('src/web/page.tsx'), 'page');
    expect(isFresh(target)).toBe(true);

    utimesSync(at('src/a.ts'), new Date(), new Date(Date.now() + 5_000)); // same size, newer
    expect(isFresh(target)).toBe(false);
    stampNow();
    writeFileSync(at('src/b.ts'), 'export const b = 2;');
    expect(isFresh(target)).toBe(false);
    stampNow();
    unlinkSync(at('src/b.ts'));
    expect(isFresh(target)).toBe(false);
  });
});
