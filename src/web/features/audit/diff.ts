export interface DiffRow {
  /** The field's path joined with dots (a unique row key), e.g. `parents[REVENUE].weight`. */
  field: string;
  /** The path's parts: field names, and list items as `[identity]` (a period, a code …). */
  path: string[];
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Keys that name a list item (a monthly plan's targets by period, parents by code …), in order of preference. */
const IDENTITY_KEYS = ['period', 'code', 'email', 'id'] as const;
/** Keys of list items that only repeat what the entry already says (the KPI, the scope, the period's dates). */
const ITEM_NOISE = new Set(['id', 'kpiId', 'scope', 'start', 'end']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function identityKey(items: readonly unknown[]): string | null {
  if (items.length === 0 || !items.every(isRecord)) return null;
  return IDENTITY_KEYS.find((k) => items.every((i) => typeof (i as Record<string, unknown>)[k] === 'string' || typeof (i as Record<string, unknown>)[k] === 'number')) ?? null;
}

/** Leaves of a snapshot by path: objects field by field, lists of records item by item (keyed by identity). */
function flatten(value: unknown, path: string[], out: Map<string, { path: string[]; value: unknown }>): void {
  if (isRecord(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, [...path, k], out);
    return;
  }
  if (Array.isArray(value)) {
    const key = identityKey(value);
    if (key) {
      const seen = new Map<string, number>();
      for (const item of value as Record<string, unknown>[]) {
        const id = String(item[key]);
        const n = (seen.get(id) ?? 0) + 1;
        seen.set(id, n);
        const rest = Object.fromEntries(Object.entries(item).filter(([k]) => k !== key && !ITEM_NOISE.has(k)));
        flatten(Object.keys(rest).length > 0 ? rest : true, [...path, n > 1 ? `[${id}#${n}]` : `[${id}]`], out);
      }
      return;
    }
  }
  out.set(path.join('.'), { path, value });
}

/**
 * Field-by-field comparison of an audit entry's before and after snapshots, fields in first-seen order.
 * Nested objects and lists are compared leaf by leaf (a monthly plan: month by month). For a change
 * (both sides present) the top-level fields are all listed and nested ones only where they changed;
 * a creation or removal lists everything.
 */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const b = new Map<string, { path: string[]; value: unknown }>();
  const a = new Map<string, { path: string[]; value: unknown }>();
  if (before != null) flatten(before, [], b);
  if (after != null) flatten(after, [], a);
  const both = before != null && after != null;
  const rows: DiffRow[] = [];
  for (const field of new Set([...b.keys(), ...a.keys()])) {
    const path = (b.get(field) ?? a.get(field))!.path;
    if (path.length === 0) continue;
    const bv = b.get(field)?.value;
    const av = a.get(field)?.value;
    const changed = JSON.stringify(bv) !== JSON.stringify(av);
    if (both && !changed && path.length > 1) continue;
    rows.push({ field, path, before: bv, after: av, changed });
  }
  return rows;
}

/** A snapshot value as short text: null/undefined → "—", lists of plain values joined, objects as JSON. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.length ? v.join(', ') : '—';
  return JSON.stringify(v);
}
