import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, ROOT, useBrowserSession, type BrowserSession } from './browser';

/** The JavaScript index.html asks for before anything shows (entry + modulepreload), gzip'd: 222 KB when this test was written. */
const FIRST_PAGE_JS_BUDGET_KB = 300;
/** Files below this size are not precompressed (scripts/precompress.mjs). */
const PRECOMPRESS_MIN_BYTES = 1024;

interface Loaded {
  url: string;
  encoding: string | undefined;
  cacheControl: string | undefined;
}

/** Every JavaScript file the page loads until the network is idle, with the headers it came with. */
async function javascriptOf(page: Page, visit: () => Promise<void>): Promise<Loaded[]> {
  const pending: Promise<Loaded>[] = [];
  page.on('response', (res) => {
    if (!new URL(res.url()).pathname.endsWith('.js')) return;
    pending.push(
      (async () => {
        const headers = await res.allHeaders();
        return { url: new URL(res.url()).pathname, encoding: headers['content-encoding'], cacheControl: headers['cache-control'] };
      })(),
    );
  });
  await visit();
  await page.waitForLoadState('networkidle');
  return Promise.all(pending);
}

let session: BrowserSession;
useBrowserSession((s) => (session = s));

describe('the first visit on a phone network', () => {
  beforeAll(() => {
    // The e2e build is a plain `vite build`; make the .br/.gz twins as `npm run build:web` does.
    const assets = join(ROOT, 'dist', 'web', 'assets');
    if (!readdirSync(assets).some((f) => f.endsWith('.br'))) execFileSync('node', ['scripts/precompress.mjs', 'dist/web'], { cwd: ROOT });
    expect(existsSync(join(ROOT, 'dist', 'web', 'index.html.br'))).toBe(true);
  });

  it(`keeps the JavaScript of the first page under ${FIRST_PAGE_JS_BUDGET_KB} KB gzip`, () => {
    const web = join(ROOT, 'dist', 'web');
    const html = readFileSync(join(web, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(1); // the entry and its preloaded chunks
    const gzipBytes = scripts.reduce((n, path) => n + gzipSync(readFileSync(join(web, path)), { level: 9 }).length, 0);
    expect(Math.round(gzipBytes / 1024)).toBeLessThan(FIRST_PAGE_JS_BUDGET_KB);
  });

  it('sends the sign-in page its JavaScript compressed and cached for a year', async () => {
    const context = await session.browser.newContext({ baseURL: session.server.url, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const js = await javascriptOf(page, async () => {
      await page.goto('/login');
      await page.getByTestId('login-email').waitFor();
    });
    await context.close();
    expect(js.length).toBeGreaterThan(0);
    for (const f of js) {
      const tiny = readFileSync(join(ROOT, 'dist', 'web', f.url)).length < PRECOMPRESS_MIN_BYTES;
      // Chromium asks for br (and gzip) even on plain HTTP to localhost.
      expect([f.url, f.encoding]).toEqual([f.url, tiny ? undefined : 'br']);
      expect([f.url, f.cacheControl]).toEqual([f.url, 'public, max-age=31536000, immutable']);
    }
  });

  it('signs in, and a second visit downloads no JavaScript again', async () => {
    const context = await session.browser.newContext({ baseURL: session.server.url, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('login-email').fill(DEMO.employee);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-page').waitFor();
    await page.waitForLoadState('networkidle');

    // Reload: index.html is asked again (no-cache) but every hashed script comes from the browser's cache: 0 bytes on the wire.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    const wire = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
    cdp.on('Network.loadingFinished', (e) => wire.set(urls.get(e.requestId) ?? '?', e.encodedDataLength));
    await page.reload();
    await page.getByTestId('home-page').waitFor();
    await page.waitForLoadState('networkidle');
    const scripts = [...wire].filter(([url]) => url.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter(([, bytes]) => bytes > 0)).toEqual([]);
    expect(wire.get('/')).toBeGreaterThan(0); // the page itself was asked again
    await context.close();
  });
});
