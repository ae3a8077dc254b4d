import type { KpiAggregation } from '../kpi/types';
import type { Period } from '../period';
import type { ActualTotals, PickedActual } from './types';

/**
 * The value of totals by the KPI's aggregation. Ratio KPIs are Σ numerator ÷ Σ denominator
 * (never an average of ratios): without parts, or with denominators adding up to 0, there is no value.
 */
export function valueOfTotals(aggregation: KpiAggregation, t: ActualTotals): number | null {
  if (t.count === 0) return null;
  switch (aggregation) {
    case 'sum':
      return t.sum;
    case 'avg':
      return t.avg;
    case 'last':
      return t.last;
    case 'min':
      return t.min;
    case 'max':
      return t.max;
    case 'ratio':
      return t.numeratorSum === null || t.denominatorSum === null || t.denominatorSum === 0 ? null : t.numeratorSum / t.denominatorSum;
  }
}

/**
 * The actual of a KPI for `period`: a value stored for exactly that period wins; otherwise the rows of
 * the KPI's own kind (`frequencyKind`) inside the period, rolled up by its aggregation.
 * `totals` are the database's roll-ups of this KPI and scope inside the period, one per kind.
 */
export function pickActual(
  aggregation: KpiAggregation,
  frequencyKind: string,
  period: Period,
  totals: readonly ActualTotals[],
): PickedActual | null {
  // Inside a calendar period only one row of its own kind fits: the row of that very period.
  // Plain loops: this runs once per unit × KPI on the unit dashboard.
  let exact: ActualTotals | undefined;
  let own: ActualTotals | undefined;
  for (const t of totals) {
    if (exact === undefined && t.kind === period.kind && t.count > 0) exact = t;
    if (own === undefined && t.kind === frequencyKind) own = t;
  }
  if (exact && period.kind !== 'custom') return { value: exact.last, from: 'exact', periods: 1 };
  if (!own) return null;
  const value = valueOfTotals(aggregation, own);
  return value === null ? null : { value, from: own.kind, periods: own.count };
}
