import { evaluatePeriod, rollUpKpiTree, strategyTree, type EvaluatedKpi, type KpiTreeRollup, type StrategyNode } from '../../core/evaluation';
import type { IsoDate, Period } from '../../core/period';
import type { RagStatus } from '../../core/scoring';
import type { Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import type { KpiRecord, Store, TargetScope } from '../ports';
import { toEvalKpi } from './eval-kpi';
import { loadPeriodFacts } from './load-period';
import { evaluatedPeriodView, periodToShow, todayOf } from './opening-period';
import { evaluationView, kpiHeader, rolledView, type EvaluationView, type KpiHeader, type PeriodView } from './present';
import { requireReadScope } from './scope';

export interface ScorecardItem extends KpiHeader, EvaluationView {
  parents: { code: string; weight: number }[];
  rolledScore: number | null;
  rolledStatus: RagStatus;
  children: number;
  missingChildren: number;
}

export interface Scorecard {
  period: PeriodView & { inProgress: boolean };
  scope: TargetScope;
  /** Equal-weight average of the top KPIs' scores (own score, else rolled from their children). */
  score: number | null;
  status: RagStatus;
  items: ScorecardItem[];
}

interface Evaluated {
  period: Period;
  today: IsoDate;
  kpis: KpiRecord[];
  rows: Map<string, EvaluatedKpi>;
  rollup: KpiTreeRollup;
}

/**
 * Every active KPI evaluated for one period and scope, and rolled up the KPI tree. A period still running
 * on the company's today is judged against its expected-to-date targets (see core/evaluation/in-progress).
 */
async function evaluateScope(store: Store, periodKey: string | undefined, scope: TargetScope, now: Date): Promise<Evaluated> {
  const today = await todayOf(store, now);
  const period = await periodToShow(store, periodKey, today);
  const kpis = await store.kpis.list({ status: 'active' });
  const evalKpis = kpis.map(toEvalKpi);
  const rows = evaluatePeriod(evalKpis, period, await loadPeriodFacts(store, evalKpis, period, scope), today);
  const byCode = new Map(rows.map((r) => [r.code, r] as const));
  const rollup = rollUpKpiTree(evalKpis, new Map(rows.map((r) => [r.code, r.score] as const)));
  return { period, today, kpis, rows: byCode, rollup };
}

export async function getScorecard(store: Store, actor: Actor, q: { period?: string | undefined; scope: TargetScope; now?: Date | undefined }): Promise<Scorecard> {
  await requireReadScope(store, actor, q.scope);
  const { period, today, kpis, rows, rollup } = await evaluateScope(store, q.period, q.scope, q.now ?? new Date());
  return {
    period: evaluatedPeriodView(period, today),
    scope: q.scope,
    score: rollup.companyScore,
    status: rollup.companyStatus,
    items: kpis.map((k) => ({
      ...kpiHeader(k),
      ...evaluationView(rows.get(k.code)!),
      parents: k.parents,
      ...rolledView(rollup.byCode.get(k.code)),
    })),
  };
}

export interface StrategyMapNode extends KpiHeader, EvaluationView {
  weight: number | null;
  rolledScore: number | null;
  rolledStatus: RagStatus;
  children: StrategyMapNode[];
}

export interface StrategyMap {
  period: PeriodView & { inProgress: boolean };
  score: number | null;
  status: RagStatus;
  roots: StrategyMapNode[];
}

/** The company KPI tree with each node's numbers; a KPI with several parents appears under each. */
export async function getStrategyMap(store: Store, actor: Actor, q: { period?: string | undefined; now?: Date | undefined }): Promise<StrategyMap> {
  policy.require(actor, 'numbers.read', COMPANY);
  const { period, today, kpis, rows, rollup } = await evaluateScope(store, q.period, { type: 'company', id: null }, q.now ?? new Date());
  const byCode = new Map(kpis.map((k) => [k.code, k] as const));
  const present = (n: StrategyNode): StrategyMapNode => {
    const r = rollup.byCode.get(n.code);
    return {
      ...kpiHeader(byCode.get(n.code)!),
      ...evaluationView(rows.get(n.code)!),
      weight: n.weight,
      rolledScore: r?.rolledScore ?? null,
      rolledStatus: r?.rolledStatus ?? 'none',
      children: n.children.map(present),
    };
  };
  return { period: evaluatedPeriodView(period, today), score: rollup.companyScore, status: rollup.companyStatus, roots: strategyTree(rollup).map(present) };
}
