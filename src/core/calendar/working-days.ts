import { addDays, isoWeekday, type IsoDate } from '../period';

/** The company's working calendar: its working week (ISO weekdays, 1 = Monday … 7 = Sunday) and its holidays. */
export interface WorkingCalendar {
  workingDays: readonly number[];
  holidays: ReadonlySet<IsoDate>;
}

/** Monday to Friday, no holidays: the calendar when the company has not set one (and the database default). */
export const STANDARD_CALENDAR: WorkingCalendar = { workingDays: [1, 2, 3, 4, 5], holidays: new Set() };

/** A calendar from stored settings; an empty week is refused by validation, here it falls back to Monday–Friday. */
export function workingCalendar(workingDays: readonly number[], holidays: Iterable<IsoDate>): WorkingCalendar {
  return { workingDays: workingDays.length > 0 ? [...workingDays] : STANDARD_CALENDAR.workingDays, holidays: new Set(holidays) };
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  return calendar.workingDays.includes(isoWeekday(date)) && !calendar.holidays.has(date);
}

// A calendar has at least one working day a week and finitely many holidays, so a working day is always near;
// the bound only guards against a broken calendar (e.g. every day of ten years a holiday).
const MAX_STEPS = 3700;

/** The date itself when it is a working day, else the next working day. */
export function nextWorkingDay(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  let d = date;
  for (let i = 0; i < MAX_STEPS && !isWorkingDay(calendar, d); i++) d = addDays(d, 1);
  return d;
}

/**
 * The working day `n` working days after `date` (n > 0) or before it (n < 0), not counting `date` itself;
 * `date` (moved to a working day) for n = 0.
 */
export function addWorkingDays(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  if (n === 0) return nextWorkingDay(calendar, date);
  const step = n > 0 ? 1 : -1;
  let d = date;
  let left = Math.abs(n);
  for (let i = 0; left > 0 && i < MAX_STEPS; i++) {
    d = addDays(d, step);
    if (isWorkingDay(calendar, d)) left--;
  }
  return d;
}
