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
  // The last target of the period wins, as in a Map built from the list. A loop, no Map: this runs once per unit × KPI.
  let exact: TargetValue | undefined;
  for (const t of targets) if (t.period === period.key) exact = t;
  if (exact) return withBounds(exact, exact.value, 'exact');
  if (aggregation !== 'sum') return enclosingTarget(period, targets);
  if (targets.length === 0) return null;
  const byPeriod = new Map(targets.map((t) => [t.period, t] as const));
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
  return best ? withBounds(best.target, best.target.value, 'enclosing') : null;
}

/** `{ min?, max?, stretch?, value, from }` in that key order, the bounds copied from `t` when set. */
function withBounds(t: TargetValue, value: number, from: PickedTarget['from']): PickedTarget {
  const out = {} as PickedTarget;
  if (t.min !== undefined) out.min = t.min;
  if (t.max !== undefined) out.max = t.max;
  if (t.stretch !== undefined) out.stretch = t.stretch;
  out.value = value;
  out.from = from;
  return out;
}
