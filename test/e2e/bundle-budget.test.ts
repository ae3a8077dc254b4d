import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config';

/** Issue 14: the JavaScript the first page needs, gzip'd, stays under this (253 KB when this test was written). */
const FIRST_PAGE_JS_BUDGET_KB = 300;

const WEB = join(ROOT, 'dist', 'web');

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** The scripts index.html loads at once: its module script and the chunks it preloads. */
function scriptsOfIndexHtml(): string[] {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(?:script type="module"[^>]*\ssrc|link rel="modulepreload"[^>]*\shref)="\/(assets\/[^"]+\.js)"/g)];
  return tags.map((m) => m[1] ?? '');
}

/** `import … from "./x.js"` and `import "./x.js"` at the top level of a built chunk; `import("./x.js")` (lazy) is not one. */
function staticImportsOf(file: string): string[] {
  const code = readFileSync(join(WEB, file), 'utf8');
  return [...code.matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*\s{},]*?from\s*)?"\.\/([^"]+\.js)"/g)].map((m) => `assets/${m[1] ?? ''}`);
}

function closure(start: string[], next: (file: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    next(file).forEach(visit);
  };
  start.forEach(visit);
  return seen;
}

describe('first-page JavaScript budget (reads dist/web: run after vite build)', () => {
  const entry = scriptsOfIndexHtml()[0] ?? '';
  const firstPage = closure([entry], staticImportsOf);

  it('index.html preloads exactly the chunks its entry imports statically', () => {
    expect(entry).toMatch(/^assets\/index-.+\.js$/);
    expect(firstPage.size).toBeGreaterThan(1);
    expect(new Set(scriptsOfIndexHtml())).toEqual(firstPage);
  });

  it("agrees with the bundler's own chunk graph (.vite/manifest.json), lazy routes left out", () => {
    const manifest = JSON.parse(readFileSync(join(WEB, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const keys = closure(['index.html'], (key) => manifest[key]?.imports ?? []);
    expect(new Set([...keys].map((k) => manifest[k]?.file))).toEqual(firstPage);
    const lazy = (manifest['index.html']?.dynamicImports ?? []).map((k) => manifest[k]?.file ?? '');
    expect(lazy.length).toBeGreaterThan(0); // pages load on demand
    expect(lazy.filter((f) => firstPage.has(f))).toEqual([]);
  });

  it(`keeps it under ${FIRST_PAGE_JS_BUDGET_KB} KB gzip`, () => {
    const sizes = [...firstPage].map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(WEB, file)), { level: 9 }).length }));
    const totalKb = sizes.reduce((n, s) => n + s.gzipBytes, 0) / 1024;
    const largest = sizes
      .sort((a, b) => b.gzipBytes - a.gzipBytes)
      .slice(0, 5)
      .map((s) => `${s.file} ${Math.round(s.gzipBytes / 1024)} KB`);
    console.log(`first page: ${sizes.length} scripts, ${totalKb.toFixed(1)} KB gzip (largest: ${largest.join(', ')})`);
    expect(totalKb, `largest: ${largest.join(', ')}`).toBeLessThan(FIRST_PAGE_JS_BUDGET_KB);
  });
});
