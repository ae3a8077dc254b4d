import {
  DEFAULT_REPORT_WITHIN_DAYS,
  KPI_CODE_PATTERN,
  type KpiAggregation,
  type KpiDirection,
  type KpiFrequency,
  type KpiGroup,
  type KpiLevel,
  type KpiPerspective,
  type KpiSource,
  type KpiStatus,
} from '../../../core/kpi';
import { isoWeeksInYear, tryParsePeriod } from '../../../core/period';
import type { KpiBodyT, KpiT, TemplateItemT } from './types';

/** One target row of the form; numbers in stored units (a 95 % target is 0.95). */
export interface TargetRow {
  period?: string | undefined;
  value?: number | null | undefined;
  min?: number | null | undefined;
  max?: number | null | undefined;
  stretch?: number | null | undefined;
}

export interface ParentRow {
  code?: string | undefined;
  weight?: number | null | undefined;
}

/** What the KPI form holds. */
export interface KpiFormValues {
  code: string;
  name: string;
  nameEn?: string | undefined;
  description?: string | undefined;
  descriptionEn?: string | undefined;
  level: KpiLevel;
  perspective: KpiPerspective;
  group?: KpiGroup | null | undefined;
  unit?: string | null | undefined;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  frequency?: KpiFrequency | null | undefined;
  source?: KpiSource | null | undefined;
  formula?: string | null | undefined;
  ownerId?: number | null | undefined;
  measurerId?: number | null | undefined;
  reportWithinDays?: number | null | undefined;
  baselinePeriod?: string | undefined;
  baselineValue?: number | null | undefined;
  parents: ParentRow[];
  tags: string[];
  targets: TargetRow[];
}

export function emptyFormValues(): KpiFormValues {
  return {
    code: '',
    name: '',
    level: 'operational',
    perspective: 'financial',
    unit: null,
    direction: 'increase',
    aggregation: 'sum',
    frequency: 'monthly',
    source: 'manual',
    reportWithinDays: DEFAULT_REPORT_WITHIN_DAYS.monthly,
    parents: [],
    tags: [],
    targets: [],
  };
}

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

export function formValuesFromKpi(kpi: KpiT): KpiFormValues {
  return {
    code: kpi.code,
    name: kpi.name,
    nameEn: opt(kpi.nameEn),
    description: opt(kpi.description),
    descriptionEn: opt(kpi.descriptionEn),
    level: kpi.level as KpiLevel,
    perspective: kpi.perspective as KpiPerspective,
    group: (kpi.group ?? null) as KpiGroup | null,
    unit: kpi.unit,
    direction: kpi.direction as KpiDirection,
    aggregation: kpi.aggregation as KpiAggregation,
    frequency: kpi.frequency as KpiFrequency | null,
    source: kpi.source as KpiSource | null,
    formula: kpi.formula ?? null,
    ownerId: kpi.ownerId,
    measurerId: kpi.measurerId,
    reportWithinDays: kpi.reportWithinDays,
    baselinePeriod: kpi.baseline?.period,
    baselineValue: kpi.baseline?.value ?? null,
    parents: kpi.parents.map((p) => ({ ...p })),
    tags: [...kpi.tags],
    targets: kpi.targets.map((t) => ({ ...t })),
  };
}

/** Periods of `frequency` in a year: the factor from a per-period example to a yearly total. */
export function periodsPerYear(frequency: string, year: number): number {
  switch (frequency) {
    case 'weekly':
      return isoWeeksInYear(year);
    case 'monthly':
      return 12;
    case 'quarterly':
      return 4;
    default:
      return 1;
  }
}

/**
 * A form filled from a template, with its example target as this year's target. The example is for
 * one period of the template's frequency: totals (`sum`) are multiplied up to the year, rates stay as they are.
 */
export function formValuesFromTemplate(t: TemplateItemT, year: number): KpiFormValues {
  const frequency = t.frequency as KpiFrequency;
  const example = t.exampleTarget;
  const factor = t.aggregation === 'sum' ? periodsPerYear(frequency, year) : 1;
  const target: TargetRow | null = example
    ? {
        period: String(year),
        value: example.value * factor,
        ...(example.min !== undefined && { min: example.min * factor }),
        ...(example.max !== undefined && { max: example.max * factor }),
      }
    : null;
  return {
    ...emptyFormValues(),
    code: t.code,
    name: t.name.vi,
    nameEn: t.name.en,
    description: t.description.vi,
    descriptionEn: t.description.en,
    level: t.level as KpiLevel,
    perspective: t.perspective as KpiPerspective,
    group: (t.group ?? null) as KpiGroup | null,
    unit: t.unit,
    direction: t.direction as KpiDirection,
    aggregation: t.aggregation as KpiAggregation,
    frequency,
    source: (t.source ?? 'manual') as KpiSource,
    formula: t.formula ?? null,
    reportWithinDays: DEFAULT_REPORT_WITHIN_DAYS[frequency] ?? null,
    tags: [...(t.tags ?? [])],
    targets: target ? [target] : [],
  };
}

const trimmed = (s: string | null | undefined): string | undefined => {
  const v = s?.trim();
  return v ? v : undefined;
};
const num = (v: number | null | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

type TargetBody = NonNullable<KpiBodyT['targets']>[number];

function targetOf(r: TargetRow): TargetBody {
  return {
    period: (r.period ?? '').trim(),
    value: r.value as number,
    ...(num(r.min) !== undefined && { min: num(r.min) }),
    ...(num(r.max) !== undefined && { max: num(r.max) }),
    ...(num(r.stretch) !== undefined && { stretch: num(r.stretch) }),
  };
}

const blankTarget = (r: TargetRow) => !trimmed(r.period) && num(r.value) === undefined && num(r.min) === undefined && num(r.max) === undefined && num(r.stretch) === undefined;

/** The body of POST/PUT /api/kpis. Half-filled rows are sent so the server names the bad field. */
export function toKpiBody(v: KpiFormValues, status: KpiStatus): KpiBodyT {
  const baselinePeriod = trimmed(v.baselinePeriod);
  const baselineValue = num(v.baselineValue);
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    ...(trimmed(v.nameEn) && { nameEn: trimmed(v.nameEn) }),
    ...(trimmed(v.description) && { description: trimmed(v.description) }),
    ...(trimmed(v.descriptionEn) && { descriptionEn: trimmed(v.descriptionEn) }),
    level: v.level,
    perspective: v.perspective,
    group: v.group ?? null,
    unit: trimmed(v.unit ?? undefined) ?? null,
    direction: v.direction,
    aggregation: v.aggregation,
    frequency: v.frequency ?? null,
    source: v.source ?? null,
    formula: v.source === 'formula' ? (trimmed(v.formula) ?? null) : null,
    ownerId: v.ownerId ?? null,
    measurerId: v.measurerId ?? null,
    reportWithinDays: num(v.reportWithinDays) ?? null,
    baseline: baselinePeriod === undefined && baselineValue === undefined ? null : { period: baselinePeriod ?? '', value: baselineValue as number },
    parents: v.parents.filter((p) => trimmed(p.code) || num(p.weight) !== undefined).map((p) => ({ code: (p.code ?? '').trim(), weight: p.weight as number })),
    tags: v.tags,
    status,
    targets: v.targets.filter((r) => !blankTarget(r)).map(targetOf),
  };
}

/**
 * The body of POST /api/kpis/smart-check: only the parts that already pass the schema, so a
 * half-typed form never gets a 400 and the SMART check reports what is still missing.
 */
export function toDraftBody(v: Partial<KpiFormValues>): Partial<KpiBodyT> {
  const out: Partial<KpiBodyT> = {};
  const code = trimmed(v.code);
  if (code && code.length <= 40) out.code = code;
  const name = trimmed(v.name);
  if (name) out.name = name.slice(0, 200);
  const nameEn = trimmed(v.nameEn);
  if (nameEn) out.nameEn = nameEn.slice(0, 200);
  const description = trimmed(v.description);
  if (description) out.description = description.slice(0, 2000);
  const descriptionEn = trimmed(v.descriptionEn);
  if (descriptionEn) out.descriptionEn = descriptionEn.slice(0, 2000);
  if (v.level) out.level = v.level;
  if (v.perspective) out.perspective = v.perspective;
  if (v.group) out.group = v.group;
  const unit = trimmed(v.unit ?? undefined);
  out.unit = unit ? unit.slice(0, 40) : null;
  if (v.direction) out.direction = v.direction;
  if (v.aggregation) out.aggregation = v.aggregation;
  out.frequency = v.frequency ?? null;
  out.source = v.source ?? null;
  if (v.source === 'formula' && trimmed(v.formula)) out.formula = (v.formula ?? '').slice(0, 10_000);
  out.ownerId = v.ownerId ?? null;
  out.measurerId = v.measurerId ?? null;
  const days = num(v.reportWithinDays);
  out.reportWithinDays = days !== undefined && Number.isInteger(days) && days >= 0 && days <= 365 ? days : null;
  const bp = trimmed(v.baselinePeriod);
  const bv = num(v.baselineValue);
  out.baseline = bp && bp.length >= 4 && bp.length <= 40 && bv !== undefined ? { period: bp, value: bv } : null;
  out.parents = (v.parents ?? [])
    .filter((p): p is { code: string; weight: number } => KPI_CODE_PATTERN.test(p.code?.trim() ?? '') && num(p.weight) !== undefined && (p.weight as number) > 0)
    .slice(0, 50)
    .map((p) => ({ code: p.code.trim(), weight: p.weight }));
  out.tags = (v.tags ?? []).map((t) => t.trim()).filter((t) => t && t.length <= 40).slice(0, 20);
  out.targets = (v.targets ?? [])
    .filter((r) => {
      const p = trimmed(r.period);
      return p !== undefined && p.length >= 4 && p.length <= 40 && num(r.value) !== undefined;
    })
    .slice(0, 500)
    .map(targetOf);
  return out;
}

/** A server issue path → the form field it belongs to (`targets.1.period` → ['targets', 1, 'period']). */
export function fieldOfIssue(path: string): (string | number)[] | null {
  if (path.startsWith('smart.') || path === '(root)') return null;
  if (path === 'baseline' || path === 'baseline.value') return ['baselineValue'];
  if (path === 'baseline.period') return ['baselinePeriod'];
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** True when a target period key is valid (2026, 2026-Q1, 2026-01, 2026-W05, custom ranges). */
export function isValidPeriod(text: string | undefined): boolean {
  return Boolean(text && tryParsePeriod(text.trim()));
}

/** How a unit's values add up over periods by default: amounts and counts sum, rates and levels average. */
export function defaultAggregationFor(unit: string | null | undefined): KpiAggregation {
  return unit === '%' || unit === 'ratio' || unit === 'score' || unit === 'days' ? 'avg' : 'sum';
}

/**
 * The aggregation after the unit changes: when it was still the old unit's default (the user did not pick
 * one), it follows the new unit (VND → % turns "Tổng" into "Trung bình"); a deliberate choice is kept.
 */
export function aggregationAfterUnitChange(aggregation: KpiAggregation | undefined, oldUnit: string | null | undefined, newUnit: string | null | undefined): KpiAggregation {
  if (aggregation === undefined || aggregation === defaultAggregationFor(oldUnit)) return defaultAggregationFor(newUnit);
  return aggregation;
}
