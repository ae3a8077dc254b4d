import { periodKindOf } from '../../core/actuals';
import { reportingDeadline, type WorkingCalendar } from '../../core/calendar';
import { addDays, compareDates, nextPeriod, periodContaining, type CalendarPeriodKind, type IsoDate, type Period } from '../../core/period';
import type { KpiRecord, Store, TargetScope } from '../ports';

/** One (KPI, scope, period) somebody must measure by a deadline, and what is stored for it. */
export interface ExpectedReport {
  kpi: KpiRecord;
  scope: TargetScope;
  period: Period;
  deadline: IsoDate;
  actual: { late: boolean } | null;
}

/**
 * KPIs measured by hand: active, with a frequency and a reporting deadline, values entered (not computed by a
 * formula or from a dataset). A KPI without `report_within_days` has no deadline, so nobody is chased for it.
 */
export function measuredKpis(kpis: readonly KpiRecord[]): KpiRecord[] {
  return kpis.filter((k) => k.status !== 'archived' && k.source !== 'formula' && k.source !== 'dataset' && k.reportWithinDays !== null && k.frequency !== null);
}

/**
 * The expected reports of the given periods (per period kind): every scope with a target of a measured KPI in
 * one of its frequency's periods, with its deadline by the company calendar and its stored actual, if any.
 * One query: targets joined with their actuals in the database; `openOnly` leaves out the reports already in.
 */
export async function expectedReports(
  store: Store,
  kpis: readonly KpiRecord[],
  windows: ReadonlyMap<CalendarPeriodKind, readonly Period[]>,
  calendar: WorkingCalendar,
  options: { openOnly?: boolean } = {},
): Promise<ExpectedReport[]> {
  const measured = measuredKpis(kpis).filter((k) => (windows.get(periodKindOf(k.frequency!))?.length ?? 0) > 0);
  if (measured.length === 0) return [];
  const spans = [...windows.values()].filter((ps) => ps.length > 0);
  const from = spans.map((ps) => ps[0]!.start).sort()[0];
  const to = spans.map((ps) => ps.at(-1)!.end).sort().at(-1);
  const periodKeys = spans.flatMap((ps) => ps.map((p) => p.key));
  const slots = await store.targets.reportSlots({ kpis: measured.map((k) => ({ kpiId: k.id, kind: periodKindOf(k.frequency!) })), periodKeys, from: from!, to: to!, openOnly: options.openOnly });
  const kpiById = new Map(measured.map((k) => [k.id, k]));
  // Period lookups by key, per kind (a window holds a few dozen periods; slots can be hundreds of thousands).
  const periodsByKind = new Map([...windows].map(([kind, ps]) => [kind, new Map(ps.map((p) => [p.key, p]))]));
  const deadlines = new Map<string, IsoDate>();
  const out: ExpectedReport[] = [];
  for (const slot of slots) {
    const kpi = kpiById.get(slot.kpiId);
    if (!kpi) continue;
    const period = periodsByKind.get(periodKindOf(kpi.frequency!))?.get(slot.period);
    if (!period) continue;
    const deadlineKey = `${period.end}|${kpi.reportWithinDays}`;
    let deadline = deadlines.get(deadlineKey);
    if (deadline === undefined) deadlines.set(deadlineKey, (deadline = reportingDeadline(period.end, kpi.reportWithinDays, calendar)!));
    out.push({ kpi, scope: slot.scope, period, deadline, actual: slot.late === null ? null : { late: slot.late } });
  }
  return out;
}

/**
 * The periods of each kind whose reporting deadline may fall within [from, to]: every period ending between
 * `from` − the longest `report_within_days` − a month of holidays, and `to`. Callers keep the deadlines inside.
 */
export function periodsWithDeadlinesIn(kpis: readonly KpiRecord[], from: IsoDate, to: IsoDate): Map<CalendarPeriodKind, Period[]> {
  const measured = measuredKpis(kpis);
  const longest = Math.max(0, ...measured.map((k) => k.reportWithinDays!));
  const earliestEnd = addDays(from, -(longest + 31));
  const windows = new Map<CalendarPeriodKind, Period[]>();
  for (const kind of new Set(measured.map((k) => periodKindOf(k.frequency!)))) {
    const periods: Period[] = [];
    for (let p = periodContaining(earliestEnd, kind); compareDates(p.end, to) <= 0; p = nextPeriod(p)) {
      if (compareDates(p.end, earliestEnd) >= 0) periods.push(p);
    }
    windows.set(kind, periods);
  }
  return windows;
}
