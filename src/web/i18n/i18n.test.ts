import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN as en, VI as vi } from './dictionaries';

type Tree = { [k: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leafKeys(v, `${prefix}${k}.`)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Literal keys in t('a.b') / t("a.b") calls, and labelKey: 'a.b' in the nav config. */
function usedKeys(): Map<string, string> {
  const out = new Map<string, string>();
  const webDir = join(import.meta.dirname, '..');
  for (const file of sourceFiles(webDir)) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\bt\(\s*['"]([A-Za-z0-9_.-]+)['"]|labelKey:\s*['"]([A-Za-z0-9_.-]+)['"]/g)) {
      out.set((m[1] ?? m[2]) as string, file.slice(webDir.length + 1));
    }
  }
  return out;
}

const viKeys = new Set(leafKeys(vi as Tree));
const enKeys = new Set(leafKeys(en as Tree));

describe('i18n dictionaries', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it('contain every key the source uses', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([k]) => !viKeys.has(k) || !enKeys.has(k)).map(([k, file]) => `${k} (${file})`);
    expect(missing).toEqual([]);
  });

  it('use the glossary terms', () => {
    expect(vi.nav.audit).toBe('Nhật ký thay đổi');
    expect(en.nav.audit).toBe('Audit log');
    expect(vi.people.position).toBe('Chức danh');
    expect(en.org.units).toBe('Org units');
  });

  it('has no empty text', () => {
    const empty = [...leafKeys(vi as Tree), ...leafKeys(en as Tree)].filter((k) => {
      const get = (tree: Tree) => k.split('.').reduce<string | Tree | undefined>((n, p) => (typeof n === 'object' ? n[p] : undefined), tree);
      return get(vi as Tree) === '' || get(en as Tree) === '';
    });
    expect(empty).toEqual([]);
  });
});
