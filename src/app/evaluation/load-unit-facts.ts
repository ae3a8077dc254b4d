import { kindsToAggregate, type ActualTotals, type EvalKpi, type TargetValue } from '../../core/evaluation';
import type { Period } from '../../core/period';
import type { Store } from '../ports';
import { toTargetValue } from './eval-kpi';

/** One unit's targets and actual totals, by the KPI's position in the KPI list (undefined = none). */
export interface UnitFacts {
  targets: (TargetValue[] | undefined)[];
  actuals: (ActualTotals[] | undefined)[];
}

/**
 * Every unit's targets and actual totals of a period for the given KPIs, set-based (one target query,
 * one GROUP BY per period kind), keyed by unit id and KPI position: no string keys, no per-row closures.
 * Rows of KPIs not in `kpis` are left out.
 */
export async function loadUnitFacts(store: Store, kpis: readonly EvalKpi[], period: Period): Promise<Map<number, UnitFacts>> {
  const kinds = kindsToAggregate(kpis, period);
  const [targets, ...totals] = await Promise.all([
    store.targets.valuesInPeriod({ from: period.start, to: period.end, scopeType: 'unit' }),
    ...kinds.map((kind) => store.actuals.aggregate({ from: period.start, to: period.end, kind, scopeType: 'unit' })),
  ]);
  const position = new Map<number, number>();
  kpis.forEach((k, i) => position.set(k.id, i));
  const byUnit = new Map<number, UnitFacts>();
  const factsOf = (unitId: number): UnitFacts => {
    let f = byUnit.get(unitId);
    if (f === undefined) byUnit.set(unitId, (f = { targets: new Array<undefined>(kpis.length), actuals: new Array<undefined>(kpis.length) }));
    return f;
  };
  for (const t of targets) {
    const i = position.get(t.kpiId);
    if (i === undefined || t.scopeId === null) continue;
    const list = factsOf(t.scopeId).targets;
    const value = toTargetValue(t);
    const at = list[i];
    if (at) at.push(value);
    else list[i] = [value];
  }
  for (const rows of totals) {
    for (const a of rows) {
      const i = position.get(a.kpiId);
      if (i === undefined || a.scope.type !== 'unit') continue;
      const list = factsOf(a.scope.id).actuals;
      const at = list[i];
      if (at) at.push(a);
      else list[i] = [a];
    }
  }
  return byUnit;
}
