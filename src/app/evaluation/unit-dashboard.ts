import { unitScores, unitTreeOrder, type Evaluation } from '../../core/evaluation';
import { subtreeIds } from '../../core/org/tree';
import type { RagStatus } from '../../core/scoring';
import type { Actor } from '../actor';
import { forbidden, notFound, policy } from '../policy';
import type { Store } from '../ports';
import { evaluateEveryUnit } from './every-unit';
import { evaluatedPeriodView, periodToShow, todayOf } from './opening-period';
import { kpiHeader, type EvaluationView, type KpiHeader, type PeriodView } from './present';

export interface UnitKpiView extends KpiHeader, EvaluationView {
  /** `unit`: the unit's own target/actual; `company`: a KPI the unit owns, shown with its company-scope numbers. */
  scopeLevel: 'unit' | 'company';
}

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
function unitKpiView(h: KpiHeader, e: Evaluation, scopeLevel: UnitKpiView['scopeLevel']): UnitKpiView {
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
    inProgress: e.open !== undefined,
    expected: e.expected ?? null,
    scopeLevel,
  };
}

export interface UnitDashboard {
  period: PeriodView & { inProgress: boolean };
  units: UnitRow[];
}

/**
 * Each readable unit (tree order) with the KPIs that have a unit target or actual for the period, and the
 * KPIs it owns (the owner sits in it) with their company-scope numbers when it has none of its own.
 * A period still running on the company's today is judged against its expected-to-date targets.
 * Admins see every unit, managers and viewers their subtree, employees their own unit.
 * `unitId` narrows to one unit's subtree; `kpis: 'none'` leaves out the KPI rows (their counts stay).
 */
export async function getUnitDashboard(
  store: Store,
  actor: Actor,
  q: { period?: string | undefined; unitId?: number | undefined; kpis?: 'all' | 'none' | undefined; now?: Date | undefined },
): Promise<UnitDashboard> {
  policy.requireAtAll(actor, 'numbers.read');
  const today = await todayOf(store, q.now ?? new Date());
  const period = await periodToShow(store, q.period, today);
  const allUnits = (await store.units.list()).filter((u) => !u.archived);
  let shown = new Set(allUnits.filter((u) => policy.can(actor, 'numbers.read', { scope: 'unit', unitId: u.id })).map((u) => u.id));
  if (q.unitId !== undefined) {
    if (!allUnits.some((u) => u.id === q.unitId)) throw notFound({ vi: 'phòng ban', en: 'Org unit' }, q.unitId);
    if (!shown.has(q.unitId)) throw forbidden();
    const sub = subtreeIds(allUnits, q.unitId);
    shown = new Set([...shown].filter((id) => sub.has(id)));
  }

  const { kpis, company, byUnit } = await evaluateEveryUnit(store, period, today);
  const headers = kpis.map(kpiHeader);
  // The company-scope evaluation of a KPI is shown under the unit that owns it, when the unit has no numbers of its own.
  const owned = new Map<number, number[]>();
  kpis.forEach((k, i) => {
    if (k.ownerUnitId !== null) owned.set(k.ownerUnitId, [...(owned.get(k.ownerUnitId) ?? []), i]);
  });
  const rowsByUnit = new Map<number, UnitKpiRows>();
  const scoresByUnit = new Map<number, (number | null)[]>();
  for (const unit of allUnits) {
    const evaluated = byUnit.get(unit.id);
    const own = owned.get(unit.id);
    if (evaluated === undefined && own === undefined) continue;
    const rows: UnitKpiRows = { views: [], green: 0, amber: 0, red: 0, none: 0 };
    const scores: (number | null)[] = [];
    // Every unit's scores count (rolled scores), but rows are built only for the units answered, and only when asked.
    const withViews = q.kpis !== 'none' && shown.has(unit.id);
    const add = (i: number, e: Evaluation, level: UnitKpiView['scopeLevel']) => {
      if (withViews) rows.views.push(unitKpiView(headers[i]!, e, level));
      rows[e.status]++;
      scores.push(e.score);
    };
    const shownHere = new Set(evaluated?.kpiIndex);
    for (let j = 0; j < (evaluated?.kpiIndex.length ?? 0); j++) add(evaluated!.kpiIndex[j]!, evaluated!.evaluations[j]!, 'unit');
    for (const i of own ?? NONE) if (!shownHere.has(i)) add(i, company[i]!, 'company');
    rowsByUnit.set(unit.id, rows);
    scoresByUnit.set(unit.id, scores);
  }

  const scores = unitScores(allUnits, scoresByUnit);
  const ordered = unitTreeOrder(allUnits.filter((u) => shown.has(u.id)));
  return {
    period: evaluatedPeriodView(period, today),
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
        kpiCount: kpiRows.green + kpiRows.amber + kpiRows.red + kpiRows.none,
        green: kpiRows.green,
        amber: kpiRows.amber,
        red: kpiRows.red,
        none: kpiRows.none,
        kpis: kpiRows.views,
      };
    }),
  };
}
