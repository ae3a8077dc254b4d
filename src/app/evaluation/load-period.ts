import { kindsToAggregate, type ActualTotals, type EvalKpi, type TargetValue } from '../../core/evaluation';
import type { Period } from '../../core/period';
import type { Store, TargetScope } from '../ports';
import { toTargetValue } from './eval-kpi';
import { scopeKey } from '../scope';

/** Targets and actual totals per scope key (`company`, `unit:3` …) and KPI id. */
export interface PeriodFacts {
  targets: Map<string, Map<number, TargetValue[]>>;
  actuals: Map<string, Map<number, ActualTotals[]>>;
}

const push = <V>(outer: Map<string, Map<number, V[]>>, key: string, kpiId: number, value: V) => {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map()));
  const list = inner.get(kpiId);
  if (list) list.push(value);
  else inner.set(kpiId, [value]);
};

/**
 * Everything a period's evaluation reads, set-based: one target query, and one GROUP BY per period kind
 * (the period's own kind for exact values, plus each KPI frequency), for every KPI at once.
 * `scope` narrows to one scope; `{ type }` alone reads every scope of that type.
 */
export async function loadPeriodFacts(
  store: Store,
  kpis: readonly EvalKpi[],
  period: Period,
  scope: TargetScope | { type: TargetScope['type']; id?: undefined },
): Promise<PeriodFacts> {
  const one = scope.id !== undefined ? (scope as TargetScope) : undefined;
  const kinds = kindsToAggregate(kpis, period);
  const [targets, ...totals] = await Promise.all([
    store.targets.list({ from: period.start, to: period.end, ...(one && { scope: one }) }),
    ...kinds.map((kind) => store.actuals.aggregate({ from: period.start, to: period.end, kind, scopeType: scope.type, ...(one && { scopeId: one.id }) })),
  ]);
  const facts: PeriodFacts = { targets: new Map(), actuals: new Map() };
  const wanted = (s: TargetScope) => s.type === scope.type && (one === undefined || s.id === one.id);
  for (const t of targets) if (wanted(t.scope)) push(facts.targets, scopeKey(t.scope), t.kpiId, toTargetValue(t));
  for (const list of totals) for (const a of list) if (wanted(a.scope)) push(facts.actuals, scopeKey(a.scope), a.kpiId, a);
  return facts;
}
