import { DomainError } from '../errors';
import { daysBetween, daysInMonth, formatDate, isValidDate, addDays, compareDates, type IsoDate } from './dates';
import { isoWeekStart, isoWeeksInYear } from './iso-week';

export const PERIOD_KINDS = ['year', 'quarter', 'month', 'week', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** Kinds that repeat on the calendar (everything except a custom range). */
export type CalendarPeriodKind = Exclude<PeriodKind, 'custom'>;

/** A span of calendar days; `end` is inclusive. */
export interface Period {
  kind: PeriodKind;
  /** Canonical key: `2026`, `2026-Q1`, `2026-01`, `2026-W05`, `2026-01-15..2026-02-14`. */
  key: string;
  start: IsoDate;
  end: IsoDate;
}

const MIN_YEAR = 1000;

const YEAR_RE = /^(\d{4})$/;
const QUARTER_RE = /^(\d{4})-Q(\d)$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const CUSTOM_RE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

function invalid(key: string, vi: string, en: string): DomainError {
  return new DomainError(
    'PERIOD_INVALID',
    { vi: `Kỳ "${key}" không hợp lệ: ${vi}`, en: `Invalid period "${key}": ${en}` },
    { params: { key } },
  );
}

const FORMATS_VI = 'dùng 2026, 2026-Q1, 2026-01, 2026-W05 hoặc 2026-01-15..2026-02-14';
const FORMATS_EN = 'use 2026, 2026-Q1, 2026-01, 2026-W05 or 2026-01-15..2026-02-14';

export function yearPeriod(year: number): Period {
  return { kind: 'year', key: String(year).padStart(4, '0'), start: formatDate(year, 1, 1), end: formatDate(year, 12, 31) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    kind: 'quarter',
    key: `${String(year).padStart(4, '0')}-Q${quarter}`,
    start: formatDate(year, firstMonth, 1),
    end: formatDate(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    key: formatDate(year, month, 1).slice(0, 7),
    start: formatDate(year, month, 1),
    end: formatDate(year, month, daysInMonth(year, month)),
  };
}

export function weekPeriod(isoYear: number, week: number): Period {
  const start = isoWeekStart(isoYear, week);
  return { kind: 'week', key: `${String(isoYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}`, start, end: addDays(start, 6) };
}

export function customPeriod(start: IsoDate, end: IsoDate): Period {
  return { kind: 'custom', key: `${start}..${end}`, start, end };
}

/**
 * Parse a period key. Throws `DomainError('PERIOD_INVALID')` with a vi/en message
 * that says what is wrong (month 13, week 54, quarter 5, 31/02/2026 …).
 */
export function parsePeriod(key: string): Period {
  const text = typeof key === 'string' ? key.trim() : '';
  let m: RegExpExecArray | null;

  if ((m = YEAR_RE.exec(text))) {
    const year = Number(m[1]);
    if (year < MIN_YEAR) throw invalid(text, `năm phải từ ${MIN_YEAR} trở đi`, `the year must be ${MIN_YEAR} or later`);
    return yearPeriod(year);
  }
  if ((m = QUARTER_RE.exec(text))) {
    const year = Number(m[1]);
    const quarter = Number(m[2]);
    if (year < MIN_YEAR) throw invalid(text, `năm phải từ ${MIN_YEAR} trở đi`, `the year must be ${MIN_YEAR} or later`);
    if (quarter < 1 || quarter > 4) throw invalid(text, 'quý phải từ Q1 đến Q4', 'the quarter must be Q1 to Q4');
    return quarterPeriod(year, quarter);
  }
  if ((m = MONTH_RE.exec(text))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (year < MIN_YEAR) throw invalid(text, `năm phải từ ${MIN_YEAR} trở đi`, `the year must be ${MIN_YEAR} or later`);
    if (month < 1 || month > 12) throw invalid(text, 'tháng phải từ 01 đến 12', 'the month must be 01 to 12');
    return monthPeriod(year, month);
  }
  if ((m = WEEK_RE.exec(text))) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (year < MIN_YEAR) throw invalid(text, `năm phải từ ${MIN_YEAR} trở đi`, `the year must be ${MIN_YEAR} or later`);
    const weeks = isoWeeksInYear(year);
    if (week < 1 || week > weeks) {
      throw invalid(text, `năm ${year} có các tuần W01 đến W${weeks} (tuần ISO)`, `${year} has weeks W01 to W${weeks} (ISO weeks)`);
    }
    return weekPeriod(year, week);
  }
  if ((m = CUSTOM_RE.exec(text))) {
    const start = m[1] ?? '';
    const end = m[2] ?? '';
    if (!isValidDate(start)) throw invalid(text, `ngày bắt đầu ${start} không tồn tại`, `the start date ${start} does not exist`);
    if (!isValidDate(end)) throw invalid(text, `ngày kết thúc ${end} không tồn tại`, `the end date ${end} does not exist`);
    if (Number(start.slice(0, 4)) < MIN_YEAR) throw invalid(text, `năm phải từ ${MIN_YEAR} trở đi`, `the year must be ${MIN_YEAR} or later`);
    if (compareDates(start, end) > 0) throw invalid(text, 'ngày bắt đầu sau ngày kết thúc', 'the start date is after the end date');
    return customPeriod(start, end);
  }
  throw invalid(text, FORMATS_VI, FORMATS_EN);
}

/** Like `parsePeriod`, but returns null instead of throwing. */
export function tryParsePeriod(key: string): Period | null {
  try {
    return parsePeriod(key);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** Number of days in the period, both ends included. */
export function periodDays(p: Pick<Period, 'start' | 'end'>): number {
  return daysBetween(p.start, p.end) + 1;
}

export function isDateInPeriod(date: IsoDate, p: Pick<Period, 'start' | 'end'>): boolean {
  return compareDates(date, p.start) >= 0 && compareDates(date, p.end) <= 0;
}
