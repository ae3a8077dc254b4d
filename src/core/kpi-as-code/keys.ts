import type { FilePath } from './types';

/** Allowed keys per object: a nested spec, a `[spec]` for a list of objects, or `null` for a plain value. */
type Spec = { [key: string]: Spec | [Spec] | null };

const TARGET: Spec = { period: null, value: null, min: null, max: null, stretch: null };

const SCORING: Spec = {
  method: null,
  bands: [{ min: null, score: null }],
  below: null,
  range: { min: null, max: null, tolerance: null },
  tolerance: null,
  floor: null,
  cap: null,
  status_rules: [{ min: null, status: null }],
};

export const KPI_KEYS: Spec = {
  code: null,
  name: null,
  name_en: null,
  description: null,
  description_en: null,
  level: null,
  perspective: null,
  group: null,
  unit: null,
  direction: null,
  aggregation: null,
  frequency: null,
  source: null,
  formula: null,
  owner: null,
  measurer: null,
  report_within_days: null,
  baseline: { period: null, value: null },
  parents: [{ code: null, weight: null }],
  tags: null,
  status: null,
  targets: [TARGET],
  scoring: SCORING,
  binding: { dataset: null, measure: null, date_column: null, scope_column: null, scopes: [{ value: null, unit: null, person: null }] },
};

export const FILE_KEYS: Spec = {
  version: null,
  company: { name: null, timezone: null, currency: null, locale: null, fiscal_year_start_month: null },
  units: [{ code: null, name: null, parent: null }],
  positions: [{ code: null, name: null }],
  people: [{ email: null, name: null, unit: null, position: null, manager: null }],
  kpis: [KPI_KEYS],
};

export interface UnknownKey {
  path: FilePath;
  key: string;
  allowed: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every key the format does not know, anywhere in the document (type errors are reported elsewhere). */
export function unknownKeys(value: unknown, spec: Spec = FILE_KEYS, path: FilePath = []): UnknownKey[] {
  if (!isObject(value)) return [];
  const out: UnknownKey[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (!(key in spec)) {
      out.push({ path: [...path, key], key, allowed: Object.keys(spec) });
      continue;
    }
    const sub = spec[key];
    if (Array.isArray(sub)) {
      if (Array.isArray(child)) child.forEach((item, i) => out.push(...unknownKeys(item, sub[0], [...path, key, i])));
    } else if (sub) {
      out.push(...unknownKeys(child, sub, [...path, key]));
    }
  }
  return out;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The allowed key a typo most likely meant (at most 2 edits away, or the same key in camelCase). */
export function closestKey(key: string, allowed: readonly string[]): string | null {
  const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  if (allowed.includes(snake)) return snake;
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of allowed) {
    const d = distance(key.toLowerCase(), k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}
