import { kindOfFrequency, pickTarget, type TargetValue } from '../../core/evaluation';
import type { KpiRecord } from '../ports';
import {
  childPeriods,
  compareDates,
  parsePeriod,
  periodContaining,
  periodsBetween,
  previousPeriod,
  yearPeriod,
  type IsoDate,
  type Period,
} from '../../core/period';
import { splitOverPeriods } from '../../core/target';
import type { ActualWrite, OrgUnit, TargetRecord, TargetScope, TargetWrite } from '../ports';
import { hashText, mulberry32, noise } from './prng';
import { GROWTH, MONTH_WEIGHTS, PERFORMANCE, defaultPlan, roundFor, stepFor } from './profile';

export interface DemoHistoryInput {
  /** The company's calendar date: actuals run from 2025-01 to the month before it. */
  today: IsoDate;
  kpis: readonly KpiRecord[];
  /** Targets of every scope from 2025 on. */
  targets: readonly TargetRecord[];
  units: readonly OrgUnit[];
}

export interface DemoHistory {
  targets: TargetWrite[];
  actuals: ActualWrite[];
}

const FIRST = '2025-01-01';
const WEIGHT_SUM = MONTH_WEIGHTS.reduce((a, b) => a + b, 0);

/** Share of a year's amount that falls in a month or quarter, by the seasonal weights. */
function seasonalShare(p: Period): number {
  const months = p.kind === 'month' ? [p] : p.kind === 'year' ? childPeriods(p, 'month') : p.kind === 'quarter' ? childPeriods(p, 'month') : [];
  return months.reduce((s, m) => s + MONTH_WEIGHTS[Number(m.key.slice(5, 7)) - 1]!, 0) / WEIGHT_SUM;
}

const write = (kpiId: number, scope: TargetScope, t: TargetValue): TargetWrite => {
  const p = parsePeriod(t.period);
  return { kpiId, period: p.key, kind: p.kind, start: p.start, end: p.end, scope, value: t.value, min: t.min ?? null, max: t.max ?? null, stretch: t.stretch ?? null };
};

/**
 * 2025 targets for a KPI and scope that only has 2026 ones. Sum KPIs: the 2026 total ÷ 1.15 (costs × 1.1),
 * split over the months by the 2026 monthly targets (or the seasonal weights) so the months add up exactly.
 * Other KPIs: each 2026 target a little easier (× 0.95, or × 1.05 for decrease KPIs).
 */
export function derive2025Targets(kpi: KpiRecord, existing: readonly TargetValue[]): TargetValue[] {
  const next = existing.filter((t) => /^2026(-Q\d|-\d{2})?$/.test(t.period));
  if (next.length === 0 || existing.some((t) => t.period.startsWith('2025'))) return [];
  const increase = kpi.direction !== 'decrease';
  if (kpi.aggregation === 'sum') {
    const total2026 = pickTarget('sum', yearPeriod(2026), next)?.value;
    const scaled = (v: number) => (increase ? v / GROWTH : v * 1.1);
    if (total2026 === undefined) {
      return next.map((t) => ({ period: t.period.replace(/^2026/, '2025'), value: roundFor(kpi.unit, scaled(t.value)) }));
    }
    const step = stepFor(kpi.unit, total2026);
    const total = Math.round(scaled(total2026) / step) * step;
    const months2026 = periodsBetween('2026-01', '2026-12').map((key) => next.find((t) => t.period === key)?.value);
    const weights = months2026.every((v): v is number => v !== undefined && v >= 0) && months2026.some((v) => v! > 0) ? months2026 : [...MONTH_WEIGHTS];
    const months = splitOverPeriods({ total: Number(total.toFixed(4)), from: '2025-01', to: '2025-12', weights, step });
    return [{ period: '2025', value: Number(total.toFixed(4)) }, ...months];
  }
  const factor = kpi.direction === 'range' ? 1 : increase ? 0.95 : 1.05;
  return next.map((t) => ({
    period: t.period.replace(/^2026/, '2025'),
    value: roundFor(kpi.unit, t.value * factor),
    ...(t.min !== undefined && { min: kpi.direction === 'range' ? t.min : roundFor(kpi.unit, t.min * factor) }),
    ...(t.max !== undefined && { max: t.max }),
    ...(t.stretch !== undefined && { stretch: roundFor(kpi.unit, t.stretch * factor) }),
  }));
}

/** The periods of `kind` from 2025 whose last day is before the month containing `today`. */
function historyPeriods(kind: 'month' | 'quarter' | 'year', today: IsoDate): Period[] {
  const lastMonth = previousPeriod(periodContaining(today, 'month'));
  if (compareDates(lastMonth.end, FIRST) < 0) return [];
  return periodsBetween(periodContaining(FIRST, kind).key, periodContaining(lastMonth.start, kind).key)
    .map(parsePeriod)
    .filter((p) => compareDates(p.end, lastMonth.end) <= 0);
}

/**
 * Two years of believable actuals (2025-01 to the month before `today`) for every KPI, at company scope and
 * for each unit with targets of that KPI: the plan (target) × the KPI's performance × seasonality × noise.
 * Deterministic: every random draw comes from a PRNG seeded by KPI code and scope.
 */
export function generateDemoHistory(input: DemoHistoryInput): DemoHistory {
  const unitCode = new Map(input.units.map((u) => [u.id, u.code] as const));
  const byKpiScope = new Map<string, TargetValue[]>();
  for (const t of input.targets) {
    const key = `${t.kpiId}|${t.scope.type}|${t.scope.id ?? ''}`;
    byKpiScope.set(key, [...(byKpiScope.get(key) ?? []), { period: t.period, value: t.value, ...bounds(t) }]);
  }
  const out: DemoHistory = { targets: [], actuals: [] };
  const kpis = [...input.kpis].sort((a, b) => (a.code < b.code ? -1 : 1));
  kpis.forEach((kpi, index) => {
    const unitScopes = [...new Set(input.targets.filter((t) => t.kpiId === kpi.id && t.scope.type === 'unit').map((t) => t.scope.id as number))].sort(
      (a, b) => a - b,
    );
    const scopes: TargetScope[] = [{ type: 'company', id: null }, ...unitScopes.map((id) => ({ type: 'unit' as const, id }))];
    for (const scope of scopes) {
      const existing = byKpiScope.get(`${kpi.id}|${scope.type}|${scope.id ?? ''}`) ?? [];
      const derived = derive2025Targets(kpi, existing);
      out.targets.push(...derived.map((t) => write(kpi.id, scope, t)));
      const label = scope.type === 'company' ? 'company' : `unit:${unitCode.get(scope.id!) ?? scope.id}`;
      const rand = mulberry32(hashText(`${kpi.code}|${label}`));
      const scopeBias = scope.type === 'company' ? 1 : 0.94 + 0.12 * rand();
      const performance = PERFORMANCE[index % PERFORMANCE.length]! * scopeBias;
      out.actuals.push(...actualsFor(kpi, scope, [...existing, ...derived], performance, rand, input.today));
    }
  });
  return out;
}

function bounds(t: TargetValue): Omit<TargetValue, 'period' | 'value'> {
  return { ...(t.min !== undefined && { min: t.min }), ...(t.max !== undefined && { max: t.max }), ...(t.stretch !== undefined && { stretch: t.stretch }) };
}

function actualsFor(kpi: KpiRecord, scope: TargetScope, targets: readonly TargetValue[], performance: number, rand: () => number, today: IsoDate): ActualWrite[] {
  const kind = kindOfFrequency(kpi.frequency);
  const periods = historyPeriods(kind === 'week' ? 'month' : kind, today);
  const rows: ActualWrite[] = [];
  let lastPlan: number | null = null;
  for (const p of periods) {
    const picked = pickTarget(kpi.aggregation, p, targets);
    const year = targets.find((t) => t.period === p.key.slice(0, 4));
    const isSum = kpi.aggregation === 'sum';
    let plan = picked?.value ?? (year ? (isSum ? year.value * seasonalShare(p) : year.value) : null);
    plan ??= lastPlan ?? kpi.baseline?.value ?? defaultPlan(kpi.unit) * (isSum ? seasonalShare(p) * 12 : 1);
    lastPlan = plan;
    // Better each year (+2 %), a deeper Tết dip than planned, a strong December.
    const month = p.kind === 'month' ? Number(p.key.slice(5, 7)) : 0;
    const drift = 1 + 0.02 * (Number(p.key.slice(0, 4)) - 2025);
    const calendar = isSum && month === 2 ? 0.95 : isSum && month === 12 ? 1.03 : 1;
    const factor = performance * drift * noise(rand, 0.06) * calendar;
    const at = { kpiId: kpi.id, period: p.key, kind: p.kind, start: p.start, end: p.end, scope, source: 'import' as const, late: false };
    const comment = month === 2 ? 'Tháng Tết Nguyên đán' : null;
    if (kpi.aggregation === 'ratio') {
      const isFraction = kpi.unit === '%' || kpi.unit === 'ratio';
      const rate = kpi.direction === 'decrease' ? plan / factor : plan * factor;
      const clamped = isFraction ? Math.min(1, Math.max(0, rate)) : Math.max(0, rate);
      // About 400 leads a month company-wide (150 per unit), seasonal, summed over the period's months.
      const denominator = Math.max(1, Math.round((scope.type === 'company' ? 400 : 150) * 12 * seasonalShare(p) * noise(rand, 0.1)));
      const numerator = Math.round(denominator * clamped);
      rows.push({ ...at, value: numerator / denominator, numerator, denominator, comment });
      continue;
    }
    let value: number;
    if (kpi.direction === 'range') {
      const t = picked ?? year;
      const mid = t?.min !== undefined && t.max !== undefined ? (t.min + t.max) / 2 : plan;
      value = mid * (1 + (noise(rand, 0.06) - 1) * (performance < 0.9 ? 3 : 1));
    } else {
      value = kpi.direction === 'decrease' ? plan / factor : plan * factor;
    }
    rows.push({ ...at, value: roundFor(kpi.unit, value), comment });
  }
  return rows;
}
