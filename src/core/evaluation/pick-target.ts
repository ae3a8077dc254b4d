import type { KpiAggregation } from '../kpi/types';
import { childPeriods, periodDays, tryParsePeriod, type Period } from '../period';
import { sumDecimal } from '../target/decimal';
import type { PickedTarget, TargetValue } from './types';

/** Child kinds tried, in order, when a period has no target of its own. */
const CHILD_KINDS: Partial<Record<Period['kind'], readonly ('quarter' | 'month')[]>> = {
  year: ['quarter', 'month'],
  quarter: ['month'],
};

/**
 * The target for `period`: the one set for exactly that period; else, for sum KPIs (amounts, counts),
 * the sum of the targets of its quarters or months when every one of them has a target.
 * Averages, ratios and last values do not add up: they take the target of the shortest enclosing
 * period instead (a 25 % closing rate for 2026 is the bar for every month of 2026).
 */
export function pickTarget(aggregation: KpiAggregation, period: Period, targets: readonly TargetValue[]): PickedTarget | null {
  const byPeriod = new Map(targets.map((t) => [t.period, t] as const));
  const exact = byPeriod.get(period.key);
  if (exact) return { ...copyBounds(exact), value: exact.value, from: 'exact' };
  if (aggregation !== 'sum') return enclosingTarget(period, targets);
  for (const kind of CHILD_KINDS[period.kind] ?? []) {
    const children = childPeriods(period, kind).map((c) => byPeriod.get(c.key));
    if (children.some((c) => c === undefined)) continue;
    const parts = children as TargetValue[];
    const picked: PickedTarget = { value: sumDecimal(parts.map((p) => p.value)), from: 'children' };
    for (const bound of ['min', 'stretch'] as const) {
      const values = parts.map((p) => p[bound]);
      if (values.every((v): v is number => v !== undefined)) picked[bound] = sumDecimal(values);
    }
    return picked;
  }
  return null;
}

function enclosingTarget(period: Period, targets: readonly TargetValue[]): PickedTarget | null {
  let best: { target: TargetValue; days: number } | null = null;
  for (const t of targets) {
    const p = tryParsePeriod(t.period);
    if (!p || p.start > period.start || p.end < period.end) continue;
    const days = periodDays(p);
    if (!best || days < best.days) best = { target: t, days };
  }
  return best ? { ...copyBounds(best.target), value: best.target.value, from: 'enclosing' } : null;
}

function copyBounds(t: TargetValue): Omit<TargetValue, 'period' | 'value'> {
  return {
    ...(t.min !== undefined && { min: t.min }),
    ...(t.max !== undefined && { max: t.max }),
    ...(t.stretch !== undefined && { stretch: t.stretch }),
  };
}
