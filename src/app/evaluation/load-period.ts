import { kindsToAggregate, type EvalKpi, type PeriodData } from '../../core/evaluation';
import type { Period } from '../../core/period';
import type { Store, TargetScope } from '../ports';
import { toTargetValue } from './eval-kpi';

const push = <V>(byKpi: Map<number, V[]>, kpiId: number, value: V) => {
  const list = byKpi.get(kpiId);
  if (list) list.push(value);
  else byKpi.set(kpiId, [value]);
};

/**
 * Everything a period's evaluation of one scope reads, set-based: one target query, and one GROUP BY per
 * period kind (the period's own kind for exact values, plus each KPI frequency), for every KPI at once.
 * (Every unit at once: `loadUnitFacts`.)
 */
export async function loadPeriodFacts(store: Store, kpis: readonly EvalKpi[], period: Period, scope: TargetScope): Promise<PeriodData> {
  const kinds = kindsToAggregate(kpis, period);
  const [targets, ...totals] = await Promise.all([
    store.targets.list({ from: period.start, to: period.end, scope }),
    ...kinds.map((kind) => store.actuals.aggregate({ from: period.start, to: period.end, kind, scopeType: scope.type, scopeId: scope.id })),
  ]);
  const facts = { targets: new Map(), actuals: new Map() } satisfies PeriodData;
  for (const t of targets) push(facts.targets, t.kpiId, toTargetValue(t));
  for (const list of totals) for (const a of list) push(facts.actuals, a.kpiId, a);
  return facts;
}
