import { reportingDeadline, STANDARD_CALENDAR, type WorkingCalendar } from '../calendar';
import { compareDates, type IsoDate } from '../period';

/**
 * The reporting deadline: the one rule of core/calendar (period end + `reportWithinDays`, moved to the next
 * working day of the company calendar; no deadline when the KPI has none).
 */
export { reportingDeadline };

/**
 * A check-in is late when `today` (the calendar date in the company time zone) is after the deadline.
 * Reporting on the deadline day itself is on time.
 */
export function isLate(periodEnd: IsoDate, reportWithinDays: number | null, today: IsoDate, calendar: WorkingCalendar = STANDARD_CALENDAR): boolean {
  const deadline = reportingDeadline(periodEnd, reportWithinDays, calendar);
  return deadline !== null && compareDates(today, deadline) > 0;
}
