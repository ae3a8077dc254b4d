import { REMINDER_STAGES, type ReminderStage } from '../notifications/category';
import { addDays, type IsoDate } from '../period';
import { addWorkingDays, nextWorkingDay, STANDARD_CALENDAR, type WorkingCalendar } from './working-days';
import { zonedInstant } from './zoned-time';

/**
 * The one reporting-deadline rule of the product: the period end + `reportWithinDays` calendar days, moved to
 * the next working day when that day is a weekend day or a holiday. The actual is on time until the end of that
 * day in the company time zone. A KPI without `reportWithinDays` has no deadline (never late, no reminders).
 */
export function reportingDeadline(periodEnd: IsoDate, reportWithinDays: number | null, calendar: WorkingCalendar = STANDARD_CALENDAR): IsoDate | null {
  if (reportWithinDays === null) return null;
  return nextWorkingDay(calendar, addDays(periodEnd, reportWithinDays));
}

/** The instant the deadline day ends (the next day's 00:00) in the company time zone. */
export function deadlineEnds(deadline: IsoDate, timeZone: string): Date {
  return zonedInstant(addDays(deadline, 1), 0, 0, timeZone);
}

export { REMINDER_STAGES, type ReminderStage };

/** Working days before the deadline day (`before`) and after it (`escalation`, `escalation-2`). */
export interface StageOffsets {
  remindBeforeDays: number;
  escalateAfterDays: number;
  escalate2AfterDays: number;
}

export const DEFAULT_STAGE_OFFSETS: StageOffsets = { remindBeforeDays: 2, escalateAfterDays: 2, escalate2AfterDays: 4 };

/** The working day of each reminder stage of a deadline (`late` = the first working day after it). */
export function stageDays(deadline: IsoDate, calendar: WorkingCalendar, offsets: StageOffsets = DEFAULT_STAGE_OFFSETS): Record<ReminderStage, IsoDate> {
  return {
    before: addWorkingDays(calendar, deadline, -offsets.remindBeforeDays),
    late: addWorkingDays(calendar, deadline, 1),
    escalation: addWorkingDays(calendar, deadline, offsets.escalateAfterDays),
    'escalation-2': addWorkingDays(calendar, deadline, offsets.escalate2AfterDays),
  };
}

/** Reminders go out at 09:00 local time of their day. */
export const REMINDER_HOUR = 9;

export function stageInstant(day: IsoDate, timeZone: string): Date {
  return zonedInstant(day, REMINDER_HOUR, 0, timeZone);
}
