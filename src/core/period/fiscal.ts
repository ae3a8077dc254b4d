import { DomainError } from '../errors';
import { addDays, dateParts, formatDate, type IsoDate } from './dates';
import { customPeriod, type Period } from './period';

function checkStartMonth(yearStartMonth: number): void {
  if (!Number.isInteger(yearStartMonth) || yearStartMonth < 1 || yearStartMonth > 12) {
    throw new DomainError(
      'FISCAL_START_MONTH_INVALID',
      {
        vi: `Tháng bắt đầu năm tài chính phải từ 1 đến 12 (nhận được ${yearStartMonth})`,
        en: `The fiscal year start month must be 1 to 12 (got ${yearStartMonth})`,
      },
      { params: { yearStartMonth } },
    );
  }
}

/**
 * The fiscal year that starts on day 1 of `yearStartMonth` in `startYear`, as a custom period.
 * A fiscal year is named by the calendar year it starts in: (2026, 4) → 2026-04-01..2027-03-31.
 * With yearStartMonth = 1 it is the calendar year.
 */
export function fiscalYear(startYear: number, yearStartMonth: number): Period {
  checkStartMonth(yearStartMonth);
  const start = formatDate(startYear, yearStartMonth, 1);
  const nextStart = formatDate(startYear + 1, yearStartMonth, 1);
  return customPeriod(start, addDays(nextStart, -1));
}

/** The fiscal year (see `fiscalYear`) that contains `date`. */
export function fiscalYearContaining(date: IsoDate, yearStartMonth: number): Period {
  checkStartMonth(yearStartMonth);
  const p = dateParts(date);
  if (!p) {
    throw new DomainError(
      'DATE_INVALID',
      { vi: `Ngày "${date}" không hợp lệ (định dạng YYYY-MM-DD)`, en: `Invalid date "${date}" (format YYYY-MM-DD)` },
      { params: { date } },
    );
  }
  return fiscalYear(p.month >= yearStartMonth ? p.year : p.year - 1, yearStartMonth);
}
