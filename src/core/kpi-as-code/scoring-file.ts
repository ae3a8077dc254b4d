import type { ScoringConfig } from '../evaluation';
import { isValueInRange, MAX_ABS_VALUE } from '../limits';
import { DEFAULT_CAP, DEFAULT_FLOOR, DEFAULT_STATUS_RULES, type Band, type ScoringMethod, type StatusRule } from '../scoring';
import type { Problem } from './cross-check';
import type { FilePath } from './types';

/**
 * A KPI's `scoring` section as written in the file (snake_case keys, defaults omitted):
 *
 *   scoring:
 *     method: bands                       # ratio (default) | progress | binary | range | bands
 *     bands: [{min: 0.8, score: 0.5}, …]  # method bands only; `below`: score under the lowest band
 *     range: {min: 0.4, max: 0.6, tolerance: 0.1}   # method range only
 *     tolerance: 0.04                     # direction range KPIs scored against each target's min/max
 *     floor: 0.5                          # default 0
 *     cap: 1.1                            # default 1.2
 *     status_rules: [{min: 0.95, status: green}, {min: 0.85, status: amber}]
 */
export const SCORING_METHODS = ['ratio', 'progress', 'binary', 'range', 'bands'] as const;
const RAG = ['green', 'amber', 'red'] as const;
const MAX_BANDS = 20;
const MAX_STATUS_RULES = 10;

/** The keys of `scoring`, in the order the export writes them. */
export const SCORING_FILE_KEYS = ['method', 'bands', 'below', 'range', 'tolerance', 'floor', 'cap', 'status_rules'] as const;

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAbsent = (v: unknown): boolean => v === undefined || v === null;

/** A value as YAML shows it (`.inf`, `.nan`, "text"). */
function show(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : v === Infinity ? '.inf' : v === -Infinity ? '-.inf' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  return Array.isArray(v) ? 'list' : isObject(v) ? 'object' : String(v);
}

class Reader {
  readonly problems: Problem[] = [];
  constructor(private readonly base: FilePath) {}

  fail(path: FilePath, code: string, vi: string, en: string): undefined {
    this.problems.push({ path: [...this.base, ...path], code, message: { vi, en } });
    return undefined;
  }

  /** A finite number within ±10^15; undefined (after a problem) otherwise. */
  number(v: unknown, path: FilePath, required = false): number | undefined {
    const key = String(path[path.length - 1]);
    if (isAbsent(v)) return required ? this.fail(path, 'KPI_FILE_REQUIRED', `Thiếu trường "${key}"`, `"${key}" is required`) : undefined;
    if (typeof v !== 'number') return this.fail(path, 'KPI_FILE_TYPE', `"${key}" phải là một số (nhận được ${show(v)})`, `"${key}" must be a number (got ${show(v)})`);
    if (!Number.isFinite(v)) {
      return this.fail(path, 'KPI_FILE_NOT_FINITE', `"${key}" phải là một số hữu hạn (nhận được ${show(v)})`, `"${key}" must be a finite number (got ${show(v)})`);
    }
    if (!isValueInRange(v)) {
      return this.fail(path, 'KPI_FILE_TOO_BIG', `"${key}" phải nằm trong ±${MAX_ABS_VALUE} (nhận được ${show(v)})`, `"${key}" must be within ±${MAX_ABS_VALUE} (got ${show(v)})`);
    }
    return v;
  }

  oneOf<T extends string>(v: unknown, values: readonly T[], path: FilePath): T | undefined {
    const key = String(path[path.length - 1]);
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    const list = values.join(', ');
    return this.fail(path, 'KPI_FILE_ENUM', `Giá trị ${show(v)} của "${key}" không hợp lệ; chọn một trong: ${list}`, `Unknown ${key} ${show(v)}; use one of: ${list}`);
  }

  /** A list of objects, at most `max` long; each item read by `item` (undefined items make the list undefined). */
  list<T>(v: unknown, path: FilePath, max: number, item: (x: Data, at: FilePath) => T | undefined): T[] | undefined {
    const key = String(path[path.length - 1]);
    if (isAbsent(v)) return undefined;
    if (!Array.isArray(v) || v.length === 0) return this.fail(path, 'KPI_FILE_TYPE', `"${key}" phải là một danh sách không rỗng`, `"${key}" must be a non-empty list`);
    if (v.length > max) return this.fail(path, 'KPI_FILE_TOO_BIG', `"${key}" có tối đa ${max} mục (nhận được ${v.length})`, `"${key}" has at most ${max} items (got ${v.length})`);
    const out = v.map((x: unknown, i) =>
      isObject(x) ? item(x, [...path, i]) : this.fail([...path, i], 'KPI_FILE_TYPE', `Mục ${i + 1} của "${key}" phải là một đối tượng`, `Item ${i + 1} of "${key}" must be an object`),
    );
    return out.every((x) => x !== undefined) ? (out as T[]) : undefined;
  }
}

function readMethod(r: Reader, raw: Data): ScoringMethod | null | undefined {
  const kind = isAbsent(raw.method) ? 'ratio' : r.oneOf(raw.method, SCORING_METHODS, ['method']);
  if (kind === undefined) return undefined;
  if (kind !== 'bands') {
    for (const key of ['bands', 'below'] as const) {
      if (!isAbsent(raw[key])) r.fail([key], 'SCORING_BANDS_WITHOUT_METHOD', `"${key}" chỉ dùng với method: bands`, `"${key}" is only used with method: bands`);
    }
  }
  if (kind !== 'range' && !isAbsent(raw.range)) r.fail(['range'], 'SCORING_RANGE_WITHOUT_METHOD', '"range" chỉ dùng với method: range', '"range" is only used with method: range');
  if (kind === 'bands') {
    if (isAbsent(raw.bands)) return r.fail(['method'], 'SCORING_BANDS_REQUIRED', 'method: bands cần danh sách "bands" (mức và điểm)', 'method: bands needs a "bands" list (min and score)');
    const bands = r.list(raw.bands, ['bands'], MAX_BANDS, (b, at): Band | undefined => {
      const min = r.number(b.min, [...at, 'min'], true);
      const score = r.number(b.score, [...at, 'score'], true);
      return min === undefined || score === undefined ? undefined : { min, score };
    });
    const below = r.number(raw.below, ['below']);
    if (bands === undefined || (!isAbsent(raw.below) && below === undefined)) return undefined;
    return { kind: 'bands', bands, ...(below !== undefined && { below }) };
  }
  if (kind === 'range') {
    if (!isObject(raw.range)) {
      return r.fail(['method'], 'SCORING_RANGE_REQUIRED', 'method: range cần "range: {min, max, tolerance}"', 'method: range needs "range: {min, max, tolerance}"');
    }
    const min = r.number(raw.range.min, ['range', 'min'], true);
    const max = r.number(raw.range.max, ['range', 'max'], true);
    const tolerance = r.number(raw.range.tolerance, ['range', 'tolerance'], true);
    return min === undefined || max === undefined || tolerance === undefined ? undefined : { kind: 'range', min, max, tolerance };
  }
  return isAbsent(raw.method) ? null : { kind };
}

export interface ReadScoring {
  /** Null when the section is absent, undefined when it has problems. */
  config: ScoringConfig | null | undefined;
  /** What could be read, the keys with problems left out (so the other rules can still be checked). */
  partial: ScoringConfig | null;
  problems: Problem[];
}

/**
 * Reads a KPI's `scoring` section (shape, types, finite numbers, which keys go with which method).
 * Rules between values (floor ≤ cap, ascending bands …) are `scoringProblems`' job.
 */
export function readScoring(raw: unknown, base: FilePath): ReadScoring {
  const r = new Reader(base);
  if (isAbsent(raw)) return { config: null, partial: null, problems: [] };
  if (!isObject(raw)) {
    r.fail([], 'KPI_FILE_TYPE', '"scoring" phải là một đối tượng (các cặp khóa: giá trị)', '"scoring" must be an object (key: value pairs)');
    return { config: undefined, partial: null, problems: r.problems };
  }
  const method = readMethod(r, raw);
  const config: ScoringConfig = {};
  if (method) config.method = method;
  const floor = r.number(raw.floor, ['floor']);
  const cap = r.number(raw.cap, ['cap']);
  const tolerance = r.number(raw.tolerance, ['tolerance']);
  if (floor !== undefined) config.floor = floor;
  if (cap !== undefined) config.cap = cap;
  if (tolerance !== undefined) config.tolerance = tolerance;
  const rules = r.list(raw.status_rules, ['status_rules'], MAX_STATUS_RULES, (s, at): StatusRule | undefined => {
    const min = r.number(s.min, [...at, 'min'], true);
    const status = r.oneOf(s.status, RAG, [...at, 'status']);
    return min === undefined || status === undefined ? undefined : { min, status };
  });
  if (rules) config.statusRules = rules;
  return { config: r.problems.length > 0 ? undefined : config, partial: config, problems: r.problems };
}

const sameRules = (a: readonly StatusRule[], b: readonly StatusRule[]): boolean =>
  a.length === b.length && a.every((x, i) => x.min === b[i]!.min && x.status === b[i]!.status);

function normalMethod(m: ScoringMethod): ScoringMethod {
  if (m.kind === 'bands') return { kind: 'bands', bands: m.bands.map((b) => ({ min: b.min, score: b.score })), ...(m.below !== undefined && m.below !== 0 && { below: m.below }) };
  if (m.kind === 'range') return { kind: 'range', min: m.min, max: m.max, tolerance: m.tolerance };
  return { kind: m.kind };
}

/** The same settings without the defaults (ratio, floor 0, cap 1.2, the default status rules, below 0), keys in one order. */
export function normalizeScoring(c: ScoringConfig | null | undefined): ScoringConfig {
  const out: ScoringConfig = {};
  if (!c) return out;
  if (c.method && c.method.kind !== 'ratio') out.method = normalMethod(c.method);
  if (c.tolerance !== undefined) out.tolerance = c.tolerance;
  if (c.floor !== undefined && c.floor !== DEFAULT_FLOOR) out.floor = c.floor;
  if (c.cap !== undefined && c.cap !== DEFAULT_CAP) out.cap = c.cap;
  if (c.statusRules && !sameRules(c.statusRules, DEFAULT_STATUS_RULES)) out.statusRules = c.statusRules.map((s) => ({ min: s.min, status: s.status }));
  return out;
}

/** Scoring settings as the file writes them (snake_case, defaults omitted); null when everything is the default. */
export function scoringToFile(c: ScoringConfig | null | undefined): Record<string, unknown> | null {
  const n = normalizeScoring(c);
  const out: Record<string, unknown> = {};
  if (n.method) out.method = n.method.kind;
  if (n.method?.kind === 'bands') {
    out.bands = n.method.bands.map((b) => ({ min: b.min, score: b.score }));
    if (n.method.below !== undefined) out.below = n.method.below;
  }
  if (n.method?.kind === 'range') out.range = { min: n.method.min, max: n.method.max, tolerance: n.method.tolerance };
  if (n.tolerance !== undefined) out.tolerance = n.tolerance;
  if (n.floor !== undefined) out.floor = n.floor;
  if (n.cap !== undefined) out.cap = n.cap;
  if (n.statusRules) out.status_rules = n.statusRules.map((s) => ({ min: s.min, status: s.status }));
  return Object.keys(out).length > 0 ? out : null;
}
