import { evaluateKpiInPeriod, unitScores, unitTreeOrder, type Evaluation } from '../../core/evaluation';
import { subtreeIds } from '../../core/org/tree';
import { parsePeriod } from '../../core/period';
import type { RagStatus } from '../../core/scoring';
import type { Actor } from '../actor';
import { forbidden, notFound, policy } from '../policy';
import type { Store } from '../ports';
import { toEvalKpi } from './eval-kpi';
import { loadUnitFacts } from './load-unit-facts';
import { kpiHeader, periodView, type EvaluationView, type KpiHeader, type PeriodView } from './present';

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

/** A unit's KPI rows and how many of them have each status. */
interface UnitKpiRows extends Record<RagStatus, number> {
  views: UnitKpiView[];
}

const NONE: readonly never[] = [];

/** `{ ...header, ...evaluationView(e) }` written out: spreading two objects per unit × KPI was the dashboard's hottest line. */
function unitKpiView(h: KpiHeader, e: Evaluation): UnitKpiView {
  return {
    code: h.code,
    name: h.name,
    nameEn: h.nameEn,
    level: h.level,
    perspective: h.perspective,
    unit: h.unit,
    direction: h.direction,
    aggregation: h.aggregation,
    frequency: h.frequency,
    target: e.target?.value ?? null,
    min: e.target?.min ?? null,
    max: e.target?.max ?? null,
    stretch: e.target?.stretch ?? null,
    targetFrom: e.target?.from ?? null,
    actual: e.actual?.value ?? null,
    actualFrom: e.actual?.from ?? null,
    actualPeriods: e.actual?.periods ?? 0,
    achievement: e.achievement,
    score: e.score,
    status: e.status,
    reason: e.reason ?? null,
  };
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
  let shown = new Set(allUnits.filter((u) => policy.can(actor, 'numbers.read', { scope: 'unit', unitId: u.id })).map((u) => u.id));
  if (q.unitId !== undefined) {
    if (!allUnits.some((u) => u.id === q.unitId)) throw notFound({ vi: 'phòng ban', en: 'Org unit' }, q.unitId);
    if (!shown.has(q.unitId)) throw forbidden();
    const sub = subtreeIds(allUnits, q.unitId);
    shown = new Set([...shown].filter((id) => sub.has(id)));
  }

  const kpis = await store.kpis.list({ status: 'active' });
  const evalKpis = kpis.map(toEvalKpi);
  const headers = kpis.map(kpiHeader);
  const facts = await loadUnitFacts(store, evalKpis, period);
  const rowsByUnit = new Map<number, UnitKpiRows>();
  const scoresByUnit = new Map<number, (number | null)[]>();
  // One pass per unit × KPI with plain loops: this is 50,000 evaluations for 1,000 units × 50 KPIs.
  for (const unit of allUnits) {
    const f = facts.get(unit.id);
    if (f === undefined) continue;
    const rows: UnitKpiRows = { views: [], green: 0, amber: 0, red: 0, none: 0 };
    const scores: (number | null)[] = [];
    for (let i = 0; i < evalKpis.length; i++) {
      const targets = f.targets[i];
      const actuals = f.actuals[i];
      if (targets === undefined && actuals === undefined) continue;
      const e = evaluateKpiInPeriod(evalKpis[i]!, period, targets ?? NONE, actuals ?? NONE);
      if (e.target === null && e.actual === null) continue;
      rows.views.push(unitKpiView(headers[i]!, e));
      rows[e.status]++;
      scores.push(e.score);
    }
    rowsByUnit.set(unit.id, rows);
    scoresByUnit.set(unit.id, scores);
  }

  const scores = unitScores(allUnits, scoresByUnit);
  const ordered = unitTreeOrder(allUnits.filter((u) => shown.has(u.id)));
  return {
    period: periodView(period),
    units: ordered.map(({ unit, depth }) => {
      const s = scores.get(unit.id)!;
      // A fresh empty list per unit: the rows are returned to callers, never shared between units.
      const kpiRows = rowsByUnit.get(unit.id) ?? { views: [], green: 0, amber: 0, red: 0, none: 0 };
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
        kpiCount: kpiRows.views.length,
        green: kpiRows.green,
        amber: kpiRows.amber,
        red: kpiRows.red,
        none: kpiRows.none,
        kpis: kpiRows.views,
      };
    }),
  };
}
