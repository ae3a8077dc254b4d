import type { KpiAggregation } from '../kpi/types';
import {
  compareDates,
  fiscalYearContaining,
  parsePeriod,
  periodContaining,
  periodsBetween,
  type CalendarPeriodKind,
  type IsoDate,
  type Period,
} from '../period';
import { aggregateOverTime, type RagStatus } from '../scoring';
import { sumDecimal } from '../target/decimal';
import { openPeriodOn } from './in-progress';
import { pickTarget } from './pick-target';
import { evaluateKpi } from './score';
import type { EvalKpi, Evaluation, PeriodActual, TargetValue } from './types';

export interface SeriesPoint extends Evaluation {
  period: Period;
  stored: PeriodActual | null;
  /** Year to date (lũy kế) up to and including this period; null for periods that start after today. */
  ytd: YtdValue | null;
}

export interface YtdValue {
  /** The fiscal year, and the last period counted. */
  year: Period;
  through: string;
  actual: number | null;
  target: number | null;
  achievement: number | null;
  score: number | null;
  status: RagStatus;
}

export interface SeriesInput {
  kpi: EvalKpi;
  kind: CalendarPeriodKind;
  /** Keys of `kind`, both included. */
  from: string;
  to: string;
  /** Targets and actuals of one scope; they must cover from..to and the fiscal year containing `today`. */
  targets: readonly TargetValue[];
  actuals: readonly PeriodActual[];
  today: IsoDate;
  fiscalYearStartMonth: number;
}

/** The keys of `kind` that cover the fiscal year containing `today`. */
export function fiscalYearKeys(today: IsoDate, kind: CalendarPeriodKind, fiscalYearStartMonth: number): { year: Period; keys: string[] } {
  const year = fiscalYearContaining(today, fiscalYearStartMonth);
  return { year, keys: periodsBetween(periodContaining(year.start, kind).key, periodContaining(year.end, kind).key) };
}

/** Per period: target, actual, achievement, score, status and year to date. */
export function evaluateSeries(input: SeriesInput): SeriesPoint[] {
  const { kpi } = input;
  const stored = new Map(input.actuals.map((a) => [a.period, a] as const));
  const keys = periodsBetween(input.from, input.to);
  const points: SeriesPoint[] = keys.map((key) => {
    const period = parsePeriod(key);
    const a = stored.get(key) ?? null;
    const target = pickTarget(kpi.aggregation, period, input.targets);
    const open = openPeriodOn(period, input.today);
    return { period, stored: a, ytd: null, ...evaluateKpi(kpi, target, a && { value: a.value, from: 'exact', periods: 1 }, open) };
  });
  const yearOf = (p: Period) => fiscalYearContaining(p.start, input.fiscalYearStartMonth);
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    if (compareDates(point.period.start, input.today) > 0) continue;
    const year = yearOf(point.period);
    const sameYear = points.slice(0, i + 1).filter((p) => yearOf(p.period).key === year.key);
    point.ytd = yearToDate(kpi, year, sameYear, input.targets);
  }
  return points;
}

/** The year-to-date of the fiscal year containing today: through the last period (started by today) that has an actual. */
export function currentYearToDate(points: readonly SeriesPoint[], today: IsoDate, fiscalYearStartMonth: number): YtdValue | null {
  const year = fiscalYearContaining(today, fiscalYearStartMonth);
  let latest: SeriesPoint | undefined;
  for (const p of points) {
    if (fiscalYearContaining(p.period.start, fiscalYearStartMonth).key !== year.key) continue;
    if (compareDates(p.period.start, today) > 0) continue;
    if (p.stored !== null) latest = p;
  }
  return latest?.ytd ?? null;
}

function yearToDate(kpi: EvalKpi, year: Period, points: readonly SeriesPoint[], targets: readonly TargetValue[]): YtdValue {
  const actual = aggregateOverTime(
    kpi.aggregation,
    points.map((p) => p.stored ?? {}),
  );
  const target = ytdTarget(kpi.aggregation, year, points, targets);
  const evaluation = evaluateKpi(
    kpi,
    target === null ? null : { value: target, from: 'exact' },
    actual === null ? null : { value: actual, from: 'exact', periods: points.length },
  );
  return {
    year,
    through: points[points.length - 1]!.period.key,
    actual,
    target,
    achievement: evaluation.achievement,
    score: evaluation.score,
    status: evaluation.status,
  };
}

/**
 * Sum KPIs: Σ of the period targets to date (none when one is missing), the open period's counted as its
 * expected-to-date share. Other KPIs: the fiscal year's own
 * target when set; else the average of the period targets to date (avg, ratio) or the latest one (last, min, max).
 */
function ytdTarget(aggregation: KpiAggregation, year: Period, points: readonly SeriesPoint[], targets: readonly TargetValue[]): number | null {
  const values = points.map((p) => p.target?.value);
  const complete = values.every((v): v is number => v !== undefined);
  if (aggregation === 'sum') return complete ? sumDecimal(points.map((p) => p.expected ?? p.target!.value)) : null;
  const yearKeys = new Set([year.key, ...(year.start.endsWith('-01-01') ? [year.start.slice(0, 4)] : [])]);
  const own = targets.find((t) => yearKeys.has(t.period));
  if (own) return own.value;
  if (aggregation === 'avg' || aggregation === 'ratio') return complete ? sumDecimal(values as number[]) / values.length : null;
  return values[values.length - 1] ?? null;
}
