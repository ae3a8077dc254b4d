import { companyToday } from '../../core/actuals';
import { measurementState, type MeasurementState } from '../../core/calendar';
import { DomainError, issue } from '../../core/errors';
import { compareDates, daysBetween, periodContaining, shiftPeriod, type IsoDate } from '../../core/period';
import type { Actor } from '../actor';
import { getCompany } from '../company/company';
import { scopeLabeller } from '../evaluation/overview';
import { kpiResponsibility, policy, scopeTargetOf } from '../policy';
import type { KpiRecord, Store, TargetScope } from '../ports';
import { resolveScopes, scopeKey } from '../scope';
import { expectedReports, periodsWithDeadlinesIn } from './expected-reports';
import { loadCompanyCalendar } from './settings';

const MAX_ITEMS = 500;
const MAX_WINDOW_DAYS = 366;

export interface MeasurementView {
  kpiCode: string;
  kpiName: string;
  kpiNameEn: string | null;
  scope: TargetScope;
  scopeLabel: string;
  unitId: number | null;
  period: string;
  deadline: IsoDate;
  state: MeasurementState;
  measurer: { personId: number; name: string } | null;
}

export interface MeasurementCalendarView {
  today: IsoDate;
  from: IsoDate;
  to: IsoDate;
  counts: Record<MeasurementState, number>;
  items: MeasurementView[];
}

export interface MeasurementCalendarQuery {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  /** 'mine' (the default): what I measure; 'unit:<id>': that unit's subtree; 'all': everything I may read. */
  scope?: string | undefined;
  person?: number | undefined;
  state?: MeasurementState | undefined;
  now: Date;
}

/** Who measures one (KPI, scope): the person of a person scope, else the KPI's measurer, else its owner. */
export function measurerOf(kpi: KpiRecord, scope: TargetScope): number | null {
  return scope.type === 'person' ? scope.id : (kpi.measurerId ?? kpi.ownerId);
}

/**
 * What must be measured with a deadline in [from, to] (default: last month to next month), with its state on the
 * company's today; only what the reader may read (`numbers.read` on the scope, as the permission table says).
 */
export async function measurementCalendar(store: Store, actor: Actor, q: MeasurementCalendarQuery): Promise<MeasurementCalendarView> {
  policy.requireAtAll(actor, 'numbers.read');
  const company = await getCompany(store);
  const today = companyToday(company, q.now);
  const month = periodContaining(today, 'month');
  const from = q.from ?? shiftPeriod(month, -1).start;
  const to = q.to ?? shiftPeriod(month, 1).end;
  if (compareDates(from, to) > 0 || daysBetween(from, to) > MAX_WINDOW_DAYS) {
    throw new DomainError(
      'VALIDATION_FAILED',
      { vi: 'Khoảng thời gian không hợp lệ.', en: 'Invalid date range.' },
      { issues: [issue('to', 'invalid_range', `"Đến ngày" phải sau "từ ngày" và trong vòng ${MAX_WINDOW_DAYS} ngày.`, `"to" must be after "from" and within ${MAX_WINDOW_DAYS} days.`)] },
    );
  }
  const unitFilter = q.scope?.startsWith('unit:') ? Number(q.scope.slice(5)) : null;
  if (unitFilter !== null && !Number.isSafeInteger(unitFilter)) throw new DomainError('VALIDATION_FAILED', { vi: 'Phòng ban không hợp lệ.', en: 'Invalid unit.' });

  const [{ calendar }, kpis, units] = await Promise.all([loadCompanyCalendar(store), store.kpis.list(), store.units.list()]);
  const expected = (await expectedReports(store, kpis, periodsWithDeadlinesIn(kpis, from, to), calendar)).filter(
    (e) => compareDates(e.deadline, from) >= 0 && compareDates(e.deadline, to) <= 0,
  );
  const scopes = await resolveScopes(store, expected.map((e) => e.scope));
  const measurerIds = [...new Set(expected.map((e) => measurerOf(e.kpi, e.scope)).filter((id): id is number => id !== null))];
  const people = measurerIds.length ? (await store.people.query({ personIds: measurerIds, limit: measurerIds.length, offset: 0 })).items : [];
  const personName = new Map(people.map((p) => [p.id, p.fullName]));
  const labels = scopeLabeller(company.name, units, scopes);
  const me = actor.person?.id ?? null;
  const inUnit = unitFilter === null ? null : subtreeOf(units, unitFilter);
  const mine = (q.scope ?? 'mine') === 'mine';

  const all: MeasurementView[] = [];
  for (const e of expected) {
    const target = scopes.get(scopeKey(e.scope));
    if (!target) continue;
    const measurerId = measurerOf(e.kpi, e.scope);
    if (!policy.can(actor, 'numbers.read', scopeTargetOf(target, kpiResponsibility(e.kpi)))) continue;
    if (mine && (me === null || measurerId !== me)) continue;
    if (q.person !== undefined && measurerId !== q.person) continue;
    const unitId = e.scope.type === 'company' ? e.kpi.ownerUnitId : target.unitId;
    if (inUnit && (unitId === null || !inUnit.has(unitId))) continue;
    all.push({
      kpiCode: e.kpi.code,
      kpiName: e.kpi.name,
      kpiNameEn: e.kpi.nameEn ?? null,
      scope: e.scope,
      scopeLabel: labels(e.scope),
      unitId,
      period: e.period.key,
      deadline: e.deadline,
      state: measurementState(e.deadline, today, e.actual !== null),
      measurer: measurerId === null ? null : { personId: measurerId, name: personName.get(measurerId) ?? `#${measurerId}` },
    });
  }
  const counts: Record<MeasurementState, number> = { done: 0, 'due-soon': 0, due: 0, late: 0 };
  for (const m of all) counts[m.state]++;
  const items = (q.state ? all.filter((m) => m.state === q.state) : all).sort(
    (a, b) => compareDates(a.deadline, b.deadline) || a.kpiCode.localeCompare(b.kpiCode) || a.scopeLabel.localeCompare(b.scopeLabel, 'vi'),
  );
  return { today, from, to, counts, items: items.slice(0, MAX_ITEMS) };
}

function subtreeOf(units: readonly { id: number; parentId: number | null }[], root: number): Set<number> {
  const inside = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parentId !== null && inside.has(u.parentId) && !inside.has(u.id)) {
        inside.add(u.id);
        grew = true;
      }
    }
  }
  return inside;
}

