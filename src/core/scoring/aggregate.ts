import type { KpiAggregation } from '../kpi/types';
import { sumDecimal } from '../target/decimal';

export type { KpiAggregation };

/** One sub-period's value. Ratio KPIs carry their numerator and denominator. */
export interface TimePoint {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

const isKnown = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Roll sub-period values (months) into the longer period (quarter, year) as the KPI's aggregation says.
 * Missing values are skipped; no values at all → null. `last` is the last known value in the order given.
 * `ratio` is Σ numerator / Σ denominator over the points that have both — never an average of ratios.
 */
export function aggregateOverTime(aggregation: KpiAggregation, points: readonly TimePoint[]): number | null {
  if (aggregation === 'ratio') return ratioOfSums(points);
  const values = points.map((p) => p.value).filter(isKnown);
  if (values.length === 0) return null;
  switch (aggregation) {
    case 'sum':
      return sumDecimal(values);
    case 'avg':
      return sumDecimal(values) / values.length;
    case 'last':
      return values[values.length - 1] ?? null;
    case 'min':
      return values.reduce((a, b) => Math.min(a, b));
    case 'max':
      return values.reduce((a, b) => Math.max(a, b));
  }
}

/** Σ numerator / Σ denominator; null when nothing is known or the denominators add up to 0. */
export function ratioOfSums(points: readonly TimePoint[]): number | null {
  const known = points.filter((p) => isKnown(p.numerator) && isKnown(p.denominator));
  if (known.length === 0) return null;
  const denominator = sumDecimal(known.map((p) => p.denominator as number));
  if (denominator === 0) return null;
  return sumDecimal(known.map((p) => p.numerator as number)) / denominator;
}
