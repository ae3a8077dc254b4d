import { companyToday, periodKindOf } from '../../core/actuals';
import { byDeadline, lastClosedPeriods, lateReportStatus, type LateReportStatus } from '../../core/evaluation/late-reports';
import { fiscalYearContaining, parsePeriod, tryParsePeriod, type CalendarPeriodKind, type IsoDate, type Period } from '../../core/period';
import { checkCascadeSums } from '../../core/target';
import { sumCheckTree } from '../../core/target/sum-check-tree';
import type { Actor } from '../actor';
import { expectedReports, measuredKpis } from '../calendar/expected-reports';
import { loadWorkingCalendar } from '../calendar/settings';
import { getCompany } from '../company/company';
import { kpiResponsibility, policy, scopeTargetOf } from '../policy';
import type { KpiRecord, Store, TargetRecord, TargetScope } from '../ports';
import { resolveScopes, scopeKey, type ScopeTarget } from '../scope';

const MAX_ITEMS = 100;

interface KpiRef {
  kpiCode: string;
  kpiName: string;
  kpiNameEn: string | null;
}

export interface LateReportView extends KpiRef {
  scope: TargetScope;
  scopeLabel: string;
  period: string;
  deadline: IsoDate;
  status: LateReportStatus;
}

export interface UnallocatedTargetView extends KpiRef {
  scope: TargetScope;
  scopeLabel: string;
  period: string;
  parent: number;
  childrenSum: number;
  difference: number;
  children: number;
}

export interface Overview {
  today: IsoDate;
  lateReports: { periods: Record<string, string[]>; count: number; items: LateReportView[] };
  unallocatedTargets: { fiscalYear: { start: IsoDate; end: IsoDate }; count: number; items: UnallocatedTargetView[] };
}

/**
 * What the reader steers, seen at once: the reports that are late and the targets not fully allocated, within
 * their reach — a KPI's company scope when the KPI is owned inside their unit subtree (every KPI for admins),
 * unit and person scopes inside it — and only what `numbers.read` lets them read.
 */
export async function getOverview(store: Store, actor: Actor, q: { period?: string | undefined; now: Date }): Promise<Overview> {
  policy.requireAtAll(actor, 'numbers.read');
  const company = await getCompany(store);
  const today = companyToday(company, q.now);
  const asked = q.period === undefined ? null : parsePeriod(q.period);
  const fiscalYear = fiscalYearContaining(asked?.start ?? today, company.fiscalYearStartMonth);
  const kpis = (await store.kpis.list()).filter((k) => k.status !== 'archived');
  const kpiById = new Map(kpis.map((k) => [k.id, k]));
  const reach = readerReach(actor);

  const [late, fyTargets, units] = await Promise.all([lateReportSlots(store, kpis, today), store.targets.list({ from: fiscalYear.start, to: fiscalYear.end }), store.units.list()]);
  const scopes = await resolveScopes(store, [...late.slots.map((s) => s.scope), ...fyTargets.map((t) => t.scope)]);
  const labels = scopeLabeller(company.name, units, scopes);
  const visible = (kpi: KpiRecord, scope: TargetScope): ScopeTarget | null => {
    const target = scopes.get(scopeKey(scope));
    return target && reach(kpi, target) ? target : null;
  };

  const lateItems: LateReportView[] = [];
  for (const { kpi, scope, period, status, deadline } of late.slots) {
    if (!visible(kpi, scope)) continue;
    lateItems.push({ ...kpiRef(kpi), scope, scopeLabel: labels(scope), period, deadline, status });
  }
  lateItems.sort(byDeadline);

  const gaps = unallocatedTargets(fyTargets, kpiById, fiscalYear, units, scopes, (kpi, key) => {
    const target = scopes.get(key);
    return target !== undefined && visible(kpi, target.scope) !== null;
  });
  const gapItems = gaps.map((g) => ({ ...kpiRef(g.kpi), ...g.view, scopeLabel: labels(g.view.scope) }));

  return {
    today,
    lateReports: { periods: late.periods, count: lateItems.length, items: lateItems.slice(0, MAX_ITEMS) },
    unallocatedTargets: { fiscalYear: { start: fiscalYear.start, end: fiscalYear.end }, count: gapItems.length, items: gapItems.slice(0, MAX_ITEMS) },
  };
}

const kpiRef = (k: KpiRecord): KpiRef => ({ kpiCode: k.code, kpiName: k.name, kpiNameEn: k.nameEn ?? null });

/** Is this scope of this KPI inside the reader's reach, and may they read it? */
export function readerReach(actor: Actor): (kpi: KpiRecord, target: ScopeTarget) => boolean {
  const units = policy.visibleUnitIds(actor);
  const inside = (unitId: number | null) => units === undefined || (unitId !== null && units.includes(unitId));
  return (kpi, target) => {
    const place = target.scope.type === 'company' ? kpi.ownerUnitId : target.unitId;
    return inside(place) && policy.can(actor, 'numbers.read', scopeTargetOf(target, kpiResponsibility(kpi)));
  };
}

/**
 * Every expected report that is late on `today`: a target of a closed period (the last 3 of the KPI's own
 * frequency kind) of a KPI measured by hand (app/calendar), with no actual once the deadline of the company
 * calendar has passed, or with an actual stored as late.
 */
async function lateReportSlots(store: Store, kpis: readonly KpiRecord[], today: IsoDate) {
  const kinds = [...new Set(measuredKpis(kpis).map((k) => periodKindOf(k.frequency!)))];
  const windows = new Map<CalendarPeriodKind, Period[]>(kinds.map((kind) => [kind, lastClosedPeriods(kind, today)]));
  const periods = Object.fromEntries([...windows].map(([kind, ps]) => [kind, ps.map((p) => p.key)]));
  const calendar = await loadWorkingCalendar(store);
  const slots: { kpi: KpiRecord; scope: TargetScope; period: string; status: LateReportStatus; deadline: IsoDate }[] = [];
  for (const e of await expectedReports(store, kpis, windows, calendar)) {
    const r = lateReportStatus(e.period.end, e.kpi.reportWithinDays, today, e.actual, calendar);
    if (r) slots.push({ kpi: e.kpi, scope: e.scope, period: e.period.key, ...r });
  }
  return { periods, slots };
}

/**
 * The company and unit targets of the fiscal year and of its months whose children's targets add up to less
 * (the sum check of checkTargetSums, for every KPI at once): only where the reader may see the parent and every child.
 */
function unallocatedTargets(
  targets: readonly TargetRecord[],
  kpiById: ReadonlyMap<number, KpiRecord>,
  fiscalYear: Period,
  units: readonly { id: number; parentId: number | null }[],
  scopes: ReadonlyMap<string, ScopeTarget>,
  canSee: (kpi: KpiRecord, key: string) => boolean,
) {
  const inYear = (t: TargetRecord) => {
    const p = tryParsePeriod(t.period);
    if (!p) return false;
    if (p.kind === 'month') return p.start >= fiscalYear.start && p.end <= fiscalYear.end;
    return p.start === fiscalYear.start && p.end === fiscalYear.end;
  };
  const groups = new Map<string, TargetRecord[]>();
  for (const t of targets) {
    const kpi = kpiById.get(t.kpiId);
    if (!kpi || !scopes.has(scopeKey(t.scope)) || !inYear(t)) continue;
    const key = `${t.kpiId}|${t.period}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const parentOfUnit = new Map(units.map((u) => [u.id, u.parentId]));
  const out: { kpi: KpiRecord; view: Omit<UnallocatedTargetView, keyof KpiRef | 'scopeLabel'> }[] = [];
  for (const group of groups.values()) {
    const kpi = kpiById.get(group[0]!.kpiId)!;
    const nodes = sumCheckTree(
      group.map((t) => ({ key: scopeKey(t.scope), type: t.scope.type, unitId: scopes.get(scopeKey(t.scope))!.unitId, value: t.value })),
      parentOfUnit,
    );
    const result = checkCascadeSums(kpi.aggregation, nodes);
    if (!result.applicable) continue;
    for (const m of result.mismatches) {
      const children = nodes.filter((n) => n.parentId === m.id).map((n) => n.id);
      if (m.difference <= 0 || !canSee(kpi, m.id) || !children.every((c) => canSee(kpi, c))) continue;
      const scope = group.find((t) => scopeKey(t.scope) === m.id)!.scope;
      out.push({ kpi, view: { scope, period: group[0]!.period, parent: m.parent, childrenSum: m.childrenSum, difference: m.difference, children: children.length } });
    }
  }
  return out.sort((a, b) => a.view.period.localeCompare(b.view.period) || a.kpi.code.localeCompare(b.kpi.code));
}

/** The company's name, a unit's name or a person's full name. */
export function scopeLabeller(companyName: string, units: readonly { id: number; name: string }[], scopes: ReadonlyMap<string, ScopeTarget>) {
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return (scope: TargetScope): string => {
    if (scope.type === 'company') return companyName;
    if (scope.type === 'unit') return unitName.get(scope.id) ?? `#${scope.id}`;
    return scopes.get(scopeKey(scope))?.person?.fullName ?? `#${scope.id}`;
  };
}
