import { isLate, reportingDeadline } from '../actuals/lateness';
import { STANDARD_CALENDAR, type WorkingCalendar } from '../calendar';
import { compareDates, periodContaining, shiftPeriod, type CalendarPeriodKind, type IsoDate, type Period } from '../period';

/** How many closed periods of each kind the overview looks back on, so the late count is about now. */
export const LATE_REPORT_PERIODS = 3;

/** The last `n` periods of `kind` that ended before `today`, oldest first (the running period is not closed). */
export function lastClosedPeriods(kind: CalendarPeriodKind, today: IsoDate, n = LATE_REPORT_PERIODS): Period[] {
  const current = periodContaining(today, kind);
  const out: Period[] = [];
  for (let i = n; i >= 1; i--) out.push(shiftPeriod(current, -i));
  return out;
}

export type LateReportStatus = 'missing' | 'late';

/**
 * Is the expected report of one (KPI, scope, period) late on `today`? `missing` when nothing is stored and the
 * reporting deadline (the one rule of core/calendar: period end + reportWithinDays moved to a working day, that
 * day included) has passed;
 * `late` when the stored actual was reported late; null otherwise (on time, or still within the deadline).
 */
export function lateReportStatus(
  periodEnd: IsoDate,
  reportWithinDays: number | null,
  today: IsoDate,
  stored: { late: boolean } | null,
  calendar: WorkingCalendar = STANDARD_CALENDAR,
): { status: LateReportStatus; deadline: IsoDate } | null {
  const deadline = reportingDeadline(periodEnd, reportWithinDays, calendar);
  if (deadline === null) return null;
  if (stored) return stored.late ? { status: 'late', deadline } : null;
  return isLate(periodEnd, reportWithinDays, today, calendar) ? { status: 'missing', deadline } : null;
}

const SCOPE_RANK = { company: 0, unit: 1, person: 2 } as const;

interface Listed {
  deadline: IsoDate;
  kpiCode: string;
  scope: { type: keyof typeof SCOPE_RANK };
  scopeLabel: string;
}

/** Oldest deadline first (the longest overdue on top), then by KPI code, then company, units, people by name. */
export function byDeadline(a: Listed, b: Listed): number {
  return (
    compareDates(a.deadline, b.deadline) ||
    a.kpiCode.localeCompare(b.kpiCode) ||
    SCOPE_RANK[a.scope.type] - SCOPE_RANK[b.scope.type] ||
    a.scopeLabel.localeCompare(b.scopeLabel, 'vi')
  );
}
