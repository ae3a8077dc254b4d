import { evaluatePeriod, unitScores, unitTreeOrder } from '../../core/evaluation';
import { subtreeIds } from '../../core/org/tree';
import { parsePeriod } from '../../core/period';
import type { RagStatus } from '../../core/scoring';
import type { Actor } from '../actor';
import { forbidden, notFound, policy } from '../policy';
import type { Store } from '../ports';
import { toEvalKpi } from './eval-kpi';
import { loadPeriodFacts } from './load-period';
import { evaluationView, kpiHeader, periodView, type EvaluationView, type KpiHeader, type PeriodView } from './present';

export interface UnitKpiView extends KpiHeader, EvaluationView {}

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  depth: number;
  /** Equal-weight average of the unit's own KPI scores. */
  score: number | null;
  status: RagStatus;
  /** Average of every KPI score in the unit and the units below it. */
  rolledScore: number | null;
  rolledStatus: RagStatus;
  kpiCount: number;
  green: number;
  amber: number;
  red: number;
  none: number;
  kpis: UnitKpiView[];
}

export interface UnitDashboard {
  period: PeriodView;
  units: UnitRow[];
}

/**
 * Each readable unit (tree order) with the KPIs that have a unit target or actual for the period.
 * Admins see every unit, managers and viewers their subtree, employees their own unit.
 * `unitId` narrows to one unit's subtree.
 */
export async function getUnitDashboard(store: Store, actor: Actor, q: { period: string; unitId?: number | undefined }): Promise<UnitDashboard> {
  const period = parsePeriod(q.period);
  const allUnits = (await store.units.list()).filter((u) => !u.archived);
  let shown = new Set(allUnits.filter((u) => policy.canReadUnitNumbers(actor, u.id)).map((u) => u.id));
  if (q.unitId !== undefined) {
    if (!allUnits.some((u) => u.id === q.unitId)) throw notFound({ vi: 'phòng ban', en: 'Org unit' }, q.unitId);
    if (!shown.has(q.unitId)) throw forbidden();
    const sub = subtreeIds(allUnits, q.unitId);
    shown = new Set([...shown].filter((id) => sub.has(id)));
  }

  const kpis = await store.kpis.list({ status: 'active' });
  const evalKpis = kpis.map(toEvalKpi);
  const evalById = new Map(evalKpis.map((k) => [k.id, k] as const));
  const facts = await loadPeriodFacts(store, evalKpis, period, { type: 'unit' });
  const rowsByUnit = new Map<number, UnitKpiView[]>();
  const scoresByUnit = new Map<number, (number | null)[]>();
  for (const unit of allUnits) {
    const key = `unit:${unit.id}`;
    const targets = facts.targets.get(key) ?? new Map();
    const actuals = facts.actuals.get(key) ?? new Map();
    if (targets.size === 0 && actuals.size === 0) continue;
    const relevant = kpis.filter((k) => targets.has(k.id) || actuals.has(k.id));
    const evaluated = evaluatePeriod(relevant.map((k) => evalById.get(k.id)!), period, { targets, actuals });
    const views: UnitKpiView[] = [];
    evaluated.forEach((e, i) => {
      if (e.target === null && e.actual === null) return;
      views.push({ ...kpiHeader(relevant[i]!), ...evaluationView(e) });
    });
    rowsByUnit.set(unit.id, views);
    scoresByUnit.set(unit.id, views.map((v) => v.score));
  }

  const scores = unitScores(allUnits, scoresByUnit);
  const ordered = unitTreeOrder(allUnits.filter((u) => shown.has(u.id)));
  return {
    period: periodView(period),
    units: ordered.map(({ unit, depth }) => {
      const s = scores.get(unit.id)!;
      const kpiRows = rowsByUnit.get(unit.id) ?? [];
      const count = (status: RagStatus) => kpiRows.filter((r) => r.status === status).length;
      return {
        id: unit.id,
        code: unit.code,
        name: unit.name,
        parentId: unit.parentId,
        depth,
        score: s.score,
        status: s.status,
        rolledScore: s.rolledScore,
        rolledStatus: s.rolledStatus,
        kpiCount: kpiRows.length,
        green: count('green'),
        amber: count('amber'),
        red: count('red'),
        none: count('none'),
        kpis: kpiRows,
      };
    }),
  };
}
