import { DomainError } from '../errors';
import { addDays, compareDates, dateParts, type IsoDate } from './dates';
import { isoWeekOf } from './iso-week';
import {
  monthPeriod,
  parsePeriod,
  quarterPeriod,
  weekPeriod,
  yearPeriod,
  type CalendarPeriodKind,
  type Period,
} from './period';

const KIND_LABEL: Record<CalendarPeriodKind, { vi: string; en: string }> = {
  year: { vi: 'năm', en: 'year' },
  quarter: { vi: 'quý', en: 'quarter' },
  month: { vi: 'tháng', en: 'month' },
  week: { vi: 'tuần', en: 'week' },
};

/** The calendar period of `kind` that contains `date` (weeks are ISO weeks, Monday start). */
export function periodContaining(date: IsoDate, kind: CalendarPeriodKind): Period {
  const p = dateParts(date);
  if (!p) {
    throw new DomainError(
      'DATE_INVALID',
      { vi: `Ngày "${date}" không hợp lệ (định dạng YYYY-MM-DD)`, en: `Invalid date "${date}" (format YYYY-MM-DD)` },
      { params: { date } },
    );
  }
  switch (kind) {
    case 'year':
      return yearPeriod(p.year);
    case 'quarter':
      return quarterPeriod(p.year, Math.floor((p.month - 1) / 3) + 1);
    case 'month':
      return monthPeriod(p.year, p.month);
    case 'week': {
      const w = isoWeekOf(date);
      return weekPeriod(w.isoYear, w.week);
    }
  }
}

/** The period `steps` periods after `p` (negative steps go back). Custom periods cannot be shifted. */
export function shiftPeriod(p: Period, steps: number): Period {
  if (p.kind === 'custom') {
    throw new DomainError(
      'PERIOD_NOT_CALENDAR',
      { vi: `Không thể dịch chuyển kỳ tùy chỉnh "${p.key}"`, en: `A custom period "${p.key}" cannot be shifted` },
      { params: { key: p.key } },
    );
  }
  if (p.kind === 'week') return periodContaining(addDays(p.start, steps * 7), 'week');
  const monthsPerStep = p.kind === 'year' ? 12 : p.kind === 'quarter' ? 3 : 1;
  const year = Number(p.start.slice(0, 4));
  const month = Number(p.start.slice(5, 7));
  const index = year * 12 + (month - 1) + steps * monthsPerStep;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return periodContaining(`${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}-01`, p.kind);
}

export const nextPeriod = (p: Period): Period => shiftPeriod(p, 1);
export const previousPeriod = (p: Period): Period => shiftPeriod(p, -1);

/**
 * Every period key from `fromKey` to `toKey`, both included, in order.
 * Both keys must be of the same calendar kind (`2026-01`..`2026-12` → 12 month keys).
 */
export function periodsBetween(fromKey: string, toKey: string): string[] {
  const from = parsePeriod(fromKey);
  const to = parsePeriod(toKey);
  if (from.kind === 'custom' || from.kind !== to.kind) {
    throw new DomainError(
      'PERIOD_RANGE_INVALID',
      {
        vi: `Hai kỳ "${from.key}" và "${to.key}" phải cùng loại năm, quý, tháng hoặc tuần`,
        en: `Periods "${from.key}" and "${to.key}" must be of the same kind: year, quarter, month or week`,
      },
      { params: { from: from.key, to: to.key } },
    );
  }
  if (compareDates(from.start, to.start) > 0) {
    throw new DomainError(
      'PERIOD_RANGE_INVALID',
      { vi: `Kỳ bắt đầu "${from.key}" nằm sau kỳ kết thúc "${to.key}"`, en: `Start period "${from.key}" is after end period "${to.key}"` },
      { params: { from: from.key, to: to.key } },
    );
  }
  const keys: string[] = [];
  for (let p = from; compareDates(p.start, to.start) <= 0; p = nextPeriod(p)) keys.push(p.key);
  return keys;
}

/**
 * The smaller periods that make up `p`: a year splits into quarters or months,
 * a quarter into months. Weeks do not nest in months or years, so they are not offered.
 */
export function childPeriods(p: Period, kind: 'quarter' | 'month'): Period[] {
  const allowed = (p.kind === 'year' && (kind === 'quarter' || kind === 'month')) || (p.kind === 'quarter' && kind === 'month');
  if (!allowed) {
    const parentLabel = p.kind === 'custom' ? { vi: 'tùy chỉnh', en: 'custom' } : KIND_LABEL[p.kind];
    const childLabel = KIND_LABEL[kind];
    throw new DomainError(
      'PERIOD_CHILD_INVALID',
      {
        vi: `Kỳ ${parentLabel.vi} "${p.key}" không chia được thành các kỳ ${childLabel.vi}`,
        en: `A ${parentLabel.en} period "${p.key}" cannot be split into ${childLabel.en} periods`,
      },
      { params: { key: p.key, kind } },
    );
  }
  const children: Period[] = [];
  for (let c = periodContaining(p.start, kind); compareDates(c.start, p.end) <= 0; c = nextPeriod(c)) children.push(c);
  return children;
}
