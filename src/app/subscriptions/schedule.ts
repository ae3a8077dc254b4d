import { isWorkingDay, localHour, type WorkingCalendar } from '../../core/calendar';
import { addDays, isoWeekOf, isoWeekStart, localDate, type IsoDate } from '../../core/period';

/**
 * When a subscription is due and for which period (docs/subscriptions.md):
 * weekly on the first working day of the ISO week at 07:00 company time, for the month the past week ended in
 * (on Monday 08/12/2025: December to date; on Monday 01/12/2025: the whole of November);
 * monthly on the 1st at 07:00, for the previous month. A run missed (server down) is sent at the next tick.
 */
export type Cadence = 'weekly' | 'monthly';

export interface SubscriptionRun {
  /** Once per key: `week:2025-W50`, `month:2025-12`. */
  key: string;
  /** The month the report is about (`2025-11`). */
  periodKey: string;
}

/** The company's working calendar and its time zone. */
export interface Calendar extends WorkingCalendar {
  timeZone: string;
}

const SEND_HOUR = 7;

/** The local date and hour of an instant in a time zone. */
export function localClock(now: Date, timeZone: string): { date: IsoDate; hour: number } {
  return { date: localDate(now, timeZone), hour: localHour(now, timeZone) };
}

const monthOf = (date: IsoDate): string => date.slice(0, 7);

function previousMonth(date: IsoDate): string {
  return monthOf(addDays(`${monthOf(date)}-01`, -1));
}

/** The first working day of the ISO week of `date` that is not a holiday (null when the whole week is off). */
export function firstWorkingDayOfWeek(date: IsoDate, calendar: WorkingCalendar): IsoDate | null {
  const { isoYear, week } = isoWeekOf(date);
  const start = isoWeekStart(isoYear, week);
  for (let i = 0; i < 7; i++) {
    const day = addDays(start, i);
    if (isWorkingDay(calendar, day)) return day;
  }
  return null;
}

/** The run due at `now` for a cadence, or null before its time. */
export function dueRun(cadence: Cadence, now: Date, calendar: Calendar): SubscriptionRun | null {
  const { date, hour } = localClock(now, calendar.timeZone);
  if (cadence === 'monthly') {
    if (date.endsWith('-01') && hour < SEND_HOUR) return null;
    return { key: `month:${monthOf(date)}`, periodKey: previousMonth(date) };
  }
  const first = firstWorkingDayOfWeek(date, calendar);
  if (!first || date < first || (date === first && hour < SEND_HOUR)) return null;
  const { isoYear, week } = isoWeekOf(date);
  const lastWeekEnd = addDays(isoWeekStart(isoYear, week), -1);
  return { key: `week:${isoYear}-W${String(week).padStart(2, '0')}`, periodKey: monthOf(lastWeekEnd) };
}
