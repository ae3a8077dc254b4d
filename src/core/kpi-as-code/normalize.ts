import type { KpiDefinition, KpiTarget } from '../kpi';
import { camelCase } from './types';

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `period: 2026` is read by YAML as a number; periods are keys (text). */
const periodText = (v: unknown): unknown => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v);

function withPeriodText(v: unknown): unknown {
  return isObject(v) && 'period' in v ? { ...v, period: periodText(v.period) } : v;
}

/**
 * A KPI as written in the file (snake_case keys) → the camelCase shape `validateKpi` checks.
 * Values are kept as they are (so type errors are still reported); only year periods become text
 * and a missing status becomes `draft`.
 */
export function kpiFromFile(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const out: Data = {};
  for (const [key, value] of Object.entries(raw)) out[camelCase(key)] = value;
  if (out.status === undefined || out.status === null) out.status = 'draft';
  out.baseline = withPeriodText(out.baseline);
  if (Array.isArray(out.targets)) out.targets = out.targets.map(withPeriodText);
  return out;
}

const opt = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

function target(t: Data): KpiTarget {
  const out: KpiTarget = { period: t.period as string, value: t.value as number };
  for (const k of ['min', 'max', 'stretch'] as const) if (typeof t[k] === 'number') out[k] = t[k];
  return out;
}

/** A camelCase KPI that passed `validateKpi` → a complete `KpiDefinition` (absent fields become null or []). */
export function toDefinition(d: Data): KpiDefinition {
  const def: KpiDefinition = {
    code: d.code as string,
    name: (d.name as string).trim(),
    level: d.level as KpiDefinition['level'],
    perspective: d.perspective as KpiDefinition['perspective'],
    group: opt(d.group as KpiDefinition['group']),
    unit: opt(d.unit as string | null),
    direction: d.direction as KpiDefinition['direction'],
    aggregation: d.aggregation as KpiDefinition['aggregation'],
    frequency: opt(d.frequency as KpiDefinition['frequency']),
    source: opt(d.source as KpiDefinition['source']),
    formula: opt(d.formula as string | null),
    owner: opt(d.owner as string | null),
    measurer: opt(d.measurer as string | null),
    reportWithinDays: opt(d.reportWithinDays as number | null),
    baseline: isObject(d.baseline) ? { period: d.baseline.period as string, value: d.baseline.value as number } : null,
    parents: Array.isArray(d.parents) ? (d.parents as Data[]).map((p) => ({ code: p.code as string, weight: p.weight as number })) : [],
    tags: Array.isArray(d.tags) ? (d.tags as string[]) : [],
    status: d.status as KpiDefinition['status'],
    targets: Array.isArray(d.targets) ? (d.targets as Data[]).map(target) : [],
  };
  for (const k of ['nameEn', 'description', 'descriptionEn'] as const) if (typeof d[k] === 'string') def[k] = d[k];
  return def;
}
