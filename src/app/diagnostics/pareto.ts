import { MISS_REASON_LABELS, isOpenPlan, pareto, type MissReason, type ParetoBar } from '../../core/diagnostics';
import type { Localized } from '../../core/errors';
import { subtreeIds } from '../../core/org/tree';
import { childPeriods, parsePeriod, type Period } from '../../core/period';
import type { Actor } from '../actor';
import { kpiResponsibility, notFound, policy, scopeTargetOf } from '../policy';
import type { KpiRecord, OrgUnit, Store, TargetScope } from '../ports';
import { resolveScopes, scopeKey, type ScopeTarget } from '../scope';
import type { ActionPlanInContext, ParetoFilter } from './ports';

export interface BarKpi {
  code: string;
  name: string;
  nameEn: string | null;
  scope: TargetScope;
  scopeName: string;
  count: number;
}

export interface ParetoView {
  period: string;
  periodKeys: string[];
  unit: { id: number; code: string; name: string } | null;
  total: number;
  bars: (ParetoBar & { label: Localized; kpis: BarKpi[] })[];
  plans: (ActionPlanInContext & { kpi: string; kpiName: string; scopeName: string })[];
}

/** A period filter: the key itself; a year also takes its quarters and months, a quarter its months. */
export function periodKeysOf(p: Period): string[] {
  if (p.kind === 'year') return [p.key, ...childPeriods(p, 'quarter').map((q) => q.key), ...childPeriods(p, 'month').map((m) => m.key)];
  if (p.kind === 'quarter') return [p.key, ...childPeriods(p, 'month').map((m) => m.key)];
  return [p.key];
}

/**
 * The Pareto of miss reasons for a unit (with its subtree; none = the whole company) and period: counts come from
 * SQL per (reason, KPI, scope); only misses of scopes the caller may read (`numbers.read`) count. Bars with their
 * KPIs, the vital few, and the open action plans (open, in progress).
 */
export async function getPareto(store: Store, actor: Actor, q: { period: string; unitId?: number | undefined }): Promise<ParetoView> {
  policy.requireAtAll(actor, 'numbers.read');
  const period = parsePeriod(q.period);
  const units = await store.units.list();
  let unit: OrgUnit | undefined;
  if (q.unitId !== undefined) {
    unit = units.find((u) => u.id === q.unitId);
    if (!unit) throw notFound({ vi: 'phòng ban', en: 'Org unit' }, q.unitId);
  }
  const filter: ParetoFilter = { periodKeys: periodKeysOf(period), unitIds: unit ? [...subtreeIds(units, unit.id)] : undefined };
  const [counts, plans, kpis] = await Promise.all([store.diagnostics.paretoCounts(filter), store.diagnostics.plansIn(filter), store.kpis.list()]);
  const kpiById = new Map(kpis.map((k) => [k.id, k] as const));
  const targets = await resolveScopes(store, [...counts.map((c) => c.scope), ...plans.map((p) => p.scope)]);
  const readable = (kpiId: number, scope: TargetScope) => {
    const t = targets.get(scopeKey(scope));
    const kpi = kpiById.get(kpiId);
    return t !== undefined && kpi !== undefined && policy.can(actor, 'numbers.read', scopeTargetOf(t, kpiResponsibility(kpi)));
  };
  const names = scopeNamer(units, targets);

  const visible = counts.filter((c) => readable(c.kpiId, c.scope));
  const byReason: Partial<Record<MissReason, number>> = {};
  for (const c of visible) byReason[c.reason] = (byReason[c.reason] ?? 0) + c.count;
  const bars = pareto(byReason).map((b) => ({
    ...b,
    label: MISS_REASON_LABELS[b.reason],
    kpis: visible
      .filter((c) => c.reason === b.reason)
      .map((c) => ({ ...kpiName(kpiById.get(c.kpiId)!), scope: c.scope, scopeName: names(c.scope), count: c.count }))
      .sort((x, y) => y.count - x.count || x.code.localeCompare(y.code) || scopeKey(x.scope).localeCompare(scopeKey(y.scope))),
  }));
  return {
    period: period.key,
    periodKeys: filter.periodKeys,
    unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
    total: visible.reduce((s, c) => s + c.count, 0),
    bars,
    plans: plans
      .filter((p) => isOpenPlan(p.status) && readable(p.kpiId, p.scope))
      .map((p) => {
        const k = kpiById.get(p.kpiId)!;
        return { ...p, kpi: k.code, kpiName: k.name, scopeName: names(p.scope) };
      }),
  };
}

const kpiName = (k: KpiRecord) => ({ code: k.code, name: k.name, nameEn: k.nameEn ?? null });

function scopeNamer(units: OrgUnit[], targets: Map<string, ScopeTarget>) {
  const unitName = new Map(units.map((u) => [u.id, u.name] as const));
  return (s: TargetScope): string => {
    if (s.type === 'company') return 'Công ty';
    if (s.type === 'unit') return unitName.get(s.id) ?? `#${s.id}`;
    return targets.get(scopeKey(s))?.person?.fullName ?? `#${s.id}`;
  };
}
