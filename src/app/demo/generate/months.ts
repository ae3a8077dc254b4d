import { addDays, daysInMonth, type IsoDate } from '../../../core/period';

export interface Month {
  key: string;
  start: IsoDate;
  end: IsoDate;
  year: number;
  month: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function monthOf(year: number, month: number): Month {
  return { key: `${year}-${pad(month)}`, start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`, year, month };
}

/**
 * The months of the generated history: `years` × 12 complete months ending with the one before `today`'s
 * month (they get actuals), then the months up to the end of `today`'s quarter (targets only).
 */
export function historyMonths(today: IsoDate, years: number): { months: Month[]; complete: number; quarter: { key: string; start: IsoDate; end: IsoDate } } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const q = Math.ceil(month / 3);
  const months: Month[] = [];
  const first = year * 12 + (month - 1) - years * 12;
  const lastOfQuarter = year * 12 + q * 3 - 1;
  for (let i = first; i <= lastOfQuarter; i++) months.push(monthOf(Math.floor(i / 12), (i % 12) + 1));
  const quarterStart = `${year}-${pad(q * 3 - 2)}-01`;
  return { months, complete: years * 12, quarter: { key: `${year}-Q${q}`, start: quarterStart, end: addDays(monthOf(year, q * 3).end, 0) } };
}

/** Planned demand by calendar month: Tết (late January / February) is a dip, the year end a peak. */
export const SEASON = [1.0, 0.72, 0.95, 0.97, 1.0, 1.0, 0.98, 1.0, 1.03, 1.06, 1.12, 1.25];
