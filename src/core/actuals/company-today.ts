import { localDate, type IsoDate } from '../period';

/** The product's time zone when the company has not chosen one. */
export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

/**
 * "Today" for the company: the calendar date of `now` in the company's time zone. The one place every use
 * (lateness of check-ins, pushes and imports; year to date and pace) takes it from.
 */
export function companyToday(company: { timezone?: string | null | undefined } | null | undefined, now: Date): IsoDate {
  return localDate(now, company?.timezone || DEFAULT_TIMEZONE);
}
