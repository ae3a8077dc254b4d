import { addDays, compareDates, type IsoDate } from '../period';

/**
 * The last day a period's actual may be reported on time: period end + `reportWithinDays`
 * (no deadline when the KPI has none).
 */
export function reportingDeadline(periodEnd: IsoDate, reportWithinDays: number | null): IsoDate | null {
  if (reportWithinDays === null) return null;
  return addDays(periodEnd, reportWithinDays);
}

/**
 * A check-in is late when `today` (the calendar date in the company time zone) is after the deadline.
 * Reporting on the deadline day itself is on time.
 */
export function isLate(periodEnd: IsoDate, reportWithinDays: number | null, today: IsoDate): boolean {
  const deadline = reportingDeadline(periodEnd, reportWithinDays);
  return deadline !== null && compareDates(today, deadline) > 0;
}
