import { compareDates, periodContaining, type CalendarPeriodKind, type IsoDate, type Period } from '../period';
import { computePace, type PaceResult, type SeasonalityWeight } from '../scoring';
import { sumDecimal } from '../target/decimal';
import type { SeriesPoint } from './series';
import type { EvalKpi, TargetValue } from './types';

export interface PaceView extends PaceResult {
  period: Period;
  target: number;
  actualToDate: number;
  /** False when nothing was reported yet (the actual to date counts as 0). */
  hasActual: boolean;
  /** `days`: the target is expected evenly per day; `split`: by the period targets (the monthly split). */
  expectedBy: 'days' | 'split';
}

export interface KpiPace {
  /** The current period of the KPI's frequency. */
  period: PaceView | null;
  /** The fiscal year containing today. */
  year: PaceView | null;
}

/**
 * Pace (Tiến độ) for amounts that add up (sum KPIs, increase or decrease) as of `today`:
 * the current period by elapsed days, and the fiscal year by the period targets when every period has one.
 * `yearPoints` are the series points of the fiscal year containing today.
 */
export function paceOf(input: {
  kpi: EvalKpi;
  kind: CalendarPeriodKind;
  today: IsoDate;
  year: Period;
  yearPoints: readonly SeriesPoint[];
  targets: readonly TargetValue[];
}): KpiPace {
  const { kpi, today } = input;
  if (kpi.aggregation !== 'sum' || kpi.direction === 'range') return { period: null, year: null };
  const direction = kpi.direction;
  const cap = kpi.scoring?.cap;
  const current = periodContaining(today, input.kind);
  const point = input.yearPoints.find((p) => p.period.key === current.key);

  let periodPace: PaceView | null = null;
  if (point?.target) {
    const actualToDate = point.stored?.value ?? 0;
    const result = computePace({ direction, target: point.target.value, actualToDate, start: point.period.start, end: point.period.end, today, ...(cap !== undefined && { cap }) });
    periodPace = { ...result, period: point.period, target: point.target.value, actualToDate, hasActual: point.stored !== null, expectedBy: 'days' };
  }

  const yearKeys = new Set([input.year.key, ...(input.year.start.endsWith('-01-01') ? [input.year.start.slice(0, 4)] : [])]);
  const ownYearTarget = input.targets.find((t) => yearKeys.has(t.period))?.value;
  const periodTargets = input.yearPoints.map((p) => p.target?.value);
  const complete = periodTargets.length > 0 && periodTargets.every((v): v is number => v !== undefined);
  const yearTarget = ownYearTarget ?? (complete ? sumDecimal(periodTargets as number[]) : undefined);
  let yearPace: PaceView | null = null;
  if (yearTarget !== undefined) {
    const started = input.yearPoints.filter((p) => compareDates(p.period.start, today) <= 0 && p.stored !== null);
    const actualToDate = sumDecimal(started.map((p) => p.stored!.value));
    // The split is only a seasonality when the periods tile the year exactly (months, quarters) and weigh something.
    const tiles = input.kind === 'month' || input.kind === 'quarter';
    const weights = periodTargets as number[];
    const useSplit = tiles && complete && weights.every((w) => w >= 0) && weights.some((w) => w > 0);
    const seasonality: SeasonalityWeight[] | undefined = useSplit
      ? input.yearPoints.map((p, i) => ({ period: p.period.key, weight: weights[i]! }))
      : undefined;
    const result = computePace({
      direction,
      target: yearTarget,
      actualToDate,
      start: input.year.start,
      end: input.year.end,
      today,
      ...(seasonality && { seasonality }),
      ...(cap !== undefined && { cap }),
    });
    yearPace = { ...result, period: input.year, target: yearTarget, actualToDate, hasActual: started.length > 0, expectedBy: useSplit ? 'split' : 'days' };
  }
  return { period: periodPace, year: yearPace };
}
