import type { IsoDate, Period } from '../period';
import { openPeriodOn, type OpenPeriod } from './in-progress';
import { kindOfFrequency } from './frequency';
import { pickActual } from './pick-actual';
import { pickTarget } from './pick-target';
import { evaluateKpi } from './score';
import type { ActualTotals, EvalKpi, EvaluatedKpi, Evaluation, TargetValue } from './types';

export interface PeriodData {
  /** Targets of one scope, by KPI id (any periods overlapping the one evaluated). */
  targets: ReadonlyMap<number, readonly TargetValue[]>;
  /** Actual totals of one scope inside the period, by KPI id, one entry per period kind. */
  actuals: ReadonlyMap<number, readonly ActualTotals[]>;
}

/**
 * Every KPI's target, actual, achievement, score and status for one period and scope. With `today` inside
 * the period, the period is open: amounts are judged against their expected-to-date target.
 */
export function evaluatePeriod(kpis: readonly EvalKpi[], period: Period, data: PeriodData, today?: IsoDate): EvaluatedKpi[] {
  const open = openPeriodOn(period, today);
  return kpis.map((kpi) => {
    const e = evaluateKpiInPeriod(kpi, period, data.targets.get(kpi.id) ?? NONE, data.actuals.get(kpi.id) ?? NONE, open);
    return { kpiId: kpi.id, code: kpi.code, ...e };
  });
}

const NONE: readonly never[] = [];

/** One KPI's evaluation for one period and scope, from its targets and actual totals there. */
export function evaluateKpiInPeriod(
  kpi: EvalKpi,
  period: Period,
  targets: readonly TargetValue[],
  actuals: readonly ActualTotals[],
  open: OpenPeriod | null = null,
): Evaluation {
  const target = pickTarget(kpi.aggregation, period, targets);
  const actual = pickActual(kpi.aggregation, kindOfFrequency(kpi.frequency), period, actuals);
  return evaluateKpi(kpi, target, actual, open);
}

/** The period kinds whose actuals a period's evaluation reads: its own (exact values) and each KPI's frequency. */
export function kindsToAggregate(kpis: readonly EvalKpi[], period: Period): string[] {
  const fits = (kind: string) => period.kind === 'custom' || (RANK[kind] ?? 0) <= (RANK[period.kind] ?? 0);
  return [...new Set([period.kind, ...kpis.map((k) => kindOfFrequency(k.frequency)).filter(fits)])];
}

/** Shorter kinds fit inside longer ones; a yearly KPI has nothing to add up inside a month. */
const RANK: Record<string, number> = { week: 0, month: 1, quarter: 2, year: 3 };
