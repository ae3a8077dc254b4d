import { evaluateKpiInPeriod, evaluatePeriod, openPeriodOn, type Evaluation, type EvaluatedKpi } from '../../core/evaluation';
import type { IsoDate, Period } from '../../core/period';
import type { KpiRecord, Store } from '../ports';
import { toEvalKpi } from './eval-kpi';
import { loadPeriodFacts } from './load-period';
import { loadUnitFacts } from './load-unit-facts';

/** A unit's evaluated KPIs: `kpiIndex[j]` (a position in `kpis`) was evaluated as `evaluations[j]`. */
export interface UnitEvaluations {
  kpiIndex: number[];
  evaluations: Evaluation[];
}

/** Every active KPI of a period, for the company and for each unit, as the unit dashboard and red alerts read them. */
export interface EveryUnitEvaluation {
  kpis: KpiRecord[];
  /** The company-scope evaluation of each KPI, by its position in `kpis`. */
  company: EvaluatedKpi[];
  /** By unit id: the KPIs with a unit target or actual in the period, in `kpis` order. Units without any are absent. */
  byUnit: Map<number, UnitEvaluations>;
}

const NONE: readonly never[] = [];

/**
 * Evaluates every unit × active KPI of `period` from a few set-based queries (the facts of all units at once),
 * with plain loops: 50,000 evaluations for 1,000 units × 50 KPIs. A period still running on `today` is judged
 * against its expected-to-date targets.
 */
export async function evaluateEveryUnit(store: Store, period: Period, today: IsoDate): Promise<EveryUnitEvaluation> {
  const open = openPeriodOn(period, today);
  const kpis = await store.kpis.list({ status: 'active' });
  const evalKpis = kpis.map(toEvalKpi);
  const [facts, companyFacts] = await Promise.all([
    loadUnitFacts(store, evalKpis, period),
    loadPeriodFacts(store, evalKpis, period, { type: 'company', id: null }),
  ]);
  const byUnit = new Map<number, UnitEvaluations>();
  for (const [unitId, f] of facts) {
    const rows: UnitEvaluations = { kpiIndex: [], evaluations: [] };
    for (let i = 0; i < evalKpis.length; i++) {
      const targets = f.targets[i];
      const actuals = f.actuals[i];
      if (targets === undefined && actuals === undefined) continue;
      const e = evaluateKpiInPeriod(evalKpis[i]!, period, targets ?? NONE, actuals ?? NONE, open);
      if (e.target === null && e.actual === null) continue;
      rows.kpiIndex.push(i);
      rows.evaluations.push(e);
    }
    if (rows.kpiIndex.length > 0) byUnit.set(unitId, rows);
  }
  return { kpis, company: evaluatePeriod(evalKpis, period, companyFacts, today), byUnit };
}
