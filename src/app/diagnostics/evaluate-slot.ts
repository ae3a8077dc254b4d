import { evaluatePeriod, type EvaluatedKpi } from '../../core/evaluation';
import { compareDates, parsePeriod, shiftPeriod, type IsoDate, type Period } from '../../core/period';
import { toEvalKpi } from '../evaluation/eval-kpi';
import { loadPeriodFacts } from '../evaluation/load-period';
import { todayOf } from '../evaluation/opening-period';
import type { KpiRecord, Store, TargetScope } from '../ports';

export interface SlotEvaluation {
  period: Period;
  today: IsoDate;
  /**
   * A KPI can have "ended red": the period is over on the company's today, or an appraisal cycle overlapping it
   * is locked (its results are final even if the period still runs). Status is judged on the whole period's target.
   */
  ended: boolean;
  kpis: KpiRecord[];
  rows: Map<string, EvaluatedKpi>;
}

/** Every active KPI of one scope evaluated for one period, as the scorecard does (no permission check here). */
export async function evaluateSlot(store: Store, periodKey: string, scope: TargetScope, now: Date): Promise<SlotEvaluation> {
  const period = parsePeriod(periodKey);
  const today = await todayOf(store, now);
  const kpis = await store.kpis.list({ status: 'active' });
  const ended = compareDates(period.end, today) < 0 || (await store.diagnostics.cycleLockedOver(period.start, period.end));
  return { period, today, ended, kpis, rows: await evaluateKpis(store, kpis, period, scope) };
}

export async function evaluateKpis(store: Store, kpis: KpiRecord[], period: Period, scope: TargetScope): Promise<Map<string, EvaluatedKpi>> {
  const evalKpis = kpis.map(toEvalKpi);
  const rows = evaluatePeriod(evalKpis, period, await loadPeriodFacts(store, evalKpis, period, scope));
  return new Map(rows.map((r) => [r.code, r] as const));
}

/** The same period a year earlier (month, quarter, year); null for weeks and custom periods. */
export function yearEarlier(p: Period): Period | null {
  if (p.kind === 'month') return shiftPeriod(p, -12);
  if (p.kind === 'quarter') return shiftPeriod(p, -4);
  if (p.kind === 'year') return shiftPeriod(p, -1);
  return null;
}
