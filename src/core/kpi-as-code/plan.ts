import type { KpiDefinition, KpiTarget } from '../kpi';
import { tryParsePeriod } from '../period';
import { bindingToFile } from './binding-file';
import { SCORING_FILE_KEYS, scoringToFile } from './scoring-file';
import { normEmail, normUnitCode, snakeCase, type KpiFile, type KpiFileKpi } from './types';

export type ChangeEntity = 'company' | 'unit' | 'position' | 'person' | 'kpi';
export type ChangeAction = 'create' | 'update' | 'archive';

export interface FieldChange {
  /** As written in the file: `name`, `report_within_days`, `targets[2026-01]`. */
  field: string;
  before: unknown;
  after: unknown;
}

export interface Change {
  action: ChangeAction;
  entity: ChangeEntity;
  /** Code, e-mail, or `company`. */
  key: string;
  label: string;
  /** What changes (updates only). */
  fields: FieldChange[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function diff(fields: readonly [string, unknown, unknown][]): FieldChange[] {
  return fields.filter(([, before, after]) => !same(before, after)).map(([field, before, after]) => ({ field, before: before ?? null, after: after ?? null }));
}

const lowerOrNull = (v: string | null | undefined): string | null => (v ? normEmail(v) : null);
const periodKey = (p: string): string => tryParsePeriod(p)?.key ?? p;

function planCompany(doc: KpiFile, current: KpiFile): Change[] {
  const next = doc.company;
  if (!next) return [];
  const before = current.company;
  if (!before) return [{ action: 'create', entity: 'company', key: 'company', label: next.name, fields: [] }];
  const fields = diff([
    ['name', before.name, next.name],
    ['timezone', before.timezone, next.timezone],
    ['currency', before.currency, next.currency],
    ['locale', before.locale, next.locale],
    ['fiscal_year_start_month', before.fiscalYearStartMonth, next.fiscalYearStartMonth],
  ]);
  return fields.length ? [{ action: 'update', entity: 'company', key: 'company', label: next.name, fields }] : [];
}

function planUnits(doc: KpiFile, current: KpiFile): Change[] {
  const existing = new Map((current.units ?? []).map((u) => [normUnitCode(u.code), u]));
  return (doc.units ?? []).flatMap((u): Change[] => {
    const before = existing.get(normUnitCode(u.code));
    if (!before) return [{ action: 'create', entity: 'unit', key: u.code, label: u.name, fields: [] }];
    const parent = (c: string | null) => (c ? normUnitCode(c) : null);
    const fields = diff([
      ['name', before.name, u.name],
      ['parent', parent(before.parent), parent(u.parent)],
    ]);
    return fields.length ? [{ action: 'update', entity: 'unit', key: u.code, label: u.name, fields }] : [];
  });
}

/** Positions are created or renamed, never deleted. */
function planPositions(doc: KpiFile, current: KpiFile): Change[] {
  const existing = new Map((current.positions ?? []).map((p) => [p.code.toLowerCase(), p]));
  return (doc.positions ?? []).flatMap((p): Change[] => {
    const before = existing.get(p.code.toLowerCase());
    if (!before) return [{ action: 'create', entity: 'position', key: p.code, label: p.name, fields: [] }];
    const fields = diff([['name', before.name, p.name]]);
    return fields.length ? [{ action: 'update', entity: 'position', key: p.code, label: p.name, fields }] : [];
  });
}

function planPeople(doc: KpiFile, current: KpiFile): Change[] {
  const existing = new Map((current.people ?? []).map((p) => [normEmail(p.email), p]));
  return (doc.people ?? []).flatMap((p): Change[] => {
    const before = existing.get(normEmail(p.email));
    if (!before) return [{ action: 'create', entity: 'person', key: p.email, label: p.name, fields: [] }];
    const fields = diff([
      ['name', before.name, p.name],
      ['unit', normUnitCode(before.unit), normUnitCode(p.unit)],
      ['position', before.position?.toLowerCase(), p.position?.toLowerCase()],
      ['manager', lowerOrNull(before.manager), lowerOrNull(p.manager)],
    ]);
    return fields.length ? [{ action: 'update', entity: 'person', key: p.email, label: p.name, fields }] : [];
  });
}

function targetValue(t: KpiTarget | undefined): Record<string, number> | null {
  if (!t) return null;
  const out: Record<string, number> = { value: t.value };
  for (const k of ['min', 'max', 'stretch'] as const) if (t[k] !== undefined && t[k] !== null) out[k] = t[k];
  return out;
}

const KPI_FIELDS = [
  'name', 'nameEn', 'description', 'descriptionEn', 'level', 'perspective', 'group', 'unit', 'direction', 'aggregation',
  'frequency', 'source', 'formula', 'owner', 'measurer', 'reportWithinDays', 'baseline', 'parents', 'tags', 'status',
] as const;

function comparable(def: KpiDefinition, field: (typeof KPI_FIELDS)[number]): unknown {
  const v = def[field];
  if (field === 'owner' || field === 'measurer') return lowerOrNull(v as string | null);
  if (field === 'parents') return [...def.parents].sort((a, b) => a.code.localeCompare(b.code)).map((p) => ({ code: p.code, weight: p.weight }));
  if (field === 'baseline') return def.baseline ? { period: periodKey(def.baseline.period), value: def.baseline.value } : null;
  if (field === 'tags') return def.tags.length ? def.tags : null;
  return v === undefined || v === '' ? null : v;
}

/** `scoring.floor`, `scoring.bands` … as the file writes them (defaults omitted, so `{}` and `floor: 0` are the same). */
function scoringFields(before: KpiFileKpi, after: KpiFileKpi): [string, unknown, unknown][] {
  const b = scoringToFile(before.scoring) ?? {};
  const a = scoringToFile(after.scoring) ?? {};
  return SCORING_FILE_KEYS.map((k) => [`scoring.${k}`, b[k], a[k]]);
}

/** `binding.measure` … as the file writes them; a file without a binding does not manage it (no change). */
function bindingFields(before: KpiFileKpi, after: KpiFileKpi): [string, unknown, unknown][] {
  if (!after.binding) return [];
  const b = before.binding ? bindingToFile(before.binding) : {};
  const a = bindingToFile(after.binding);
  return ['dataset', 'measure', 'date_column', 'scope_column', 'scopes'].map((k) => [`binding.${k}`, b[k], a[k]]);
}

/** Field-level differences of two definitions of the same KPI: fields, scoring settings, targets per period. */
export function kpiDiff(before: KpiFileKpi, after: KpiFileKpi): FieldChange[] {
  const fields = diff([
    ...KPI_FIELDS.map((f) => [snakeCase(f), comparable(before, f), comparable(after, f)] as [string, unknown, unknown]),
    ...scoringFields(before, after),
    ...bindingFields(before, after),
  ]);
  const b = new Map(before.targets.map((t) => [periodKey(t.period), t]));
  const a = new Map(after.targets.map((t) => [periodKey(t.period), t]));
  const periods = [...new Set([...b.keys(), ...a.keys()])].sort(comparePeriods);
  return [...fields, ...diff(periods.map((p) => [`targets[${p}]`, targetValue(b.get(p)), targetValue(a.get(p))] as [string, unknown, unknown]))];
}

/** Periods in calendar order, longer periods first when they start on the same day (2026, 2026-Q1, 2026-01). */
export function comparePeriods(a: string, b: string): number {
  const pa = tryParsePeriod(a);
  const pb = tryParsePeriod(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  if (pa.start !== pb.start) return pa.start < pb.start ? -1 : 1;
  if (pa.end !== pb.end) return pa.end > pb.end ? -1 : 1;
  return pa.key < pb.key ? -1 : pa.key > pb.key ? 1 : 0;
}

function planKpis(doc: KpiFile, current: KpiFile): Change[] {
  if (!doc.kpis) return [];
  const existing = new Map((current.kpis ?? []).map((k) => [k.code, k]));
  const out = doc.kpis.flatMap((k): Change[] => {
    const before = existing.get(k.code);
    if (!before) return [{ action: 'create', entity: 'kpi', key: k.code, label: k.name, fields: [] }];
    const fields = kpiDiff(before, k);
    return fields.length ? [{ action: 'update', entity: 'kpi', key: k.code, label: k.name, fields }] : [];
  });
  const inFile = new Set(doc.kpis.map((k) => k.code));
  const archived = (current.kpis ?? [])
    .filter((k) => k.status !== 'archived' && !inFile.has(k.code))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((k): Change => ({ action: 'archive', entity: 'kpi', key: k.code, label: k.name, fields: [{ field: 'status', before: k.status, after: 'archived' }] }));
  return [...out, ...archived];
}

/**
 * What applying `doc` to `current` (the database as the same document model) would change:
 * create or update the company, units, positions, people and KPIs of the file, and archive the
 * KPIs that are not in the file (when the file has a `kpis` section). Units and people are never deleted.
 */
export function planChanges(doc: KpiFile, current: KpiFile): Change[] {
  return [...planCompany(doc, current), ...planUnits(doc, current), ...planPositions(doc, current), ...planPeople(doc, current), ...planKpis(doc, current)];
}
