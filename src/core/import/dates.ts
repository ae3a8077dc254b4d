import { formatDate, isValidDate, periodContaining, tryParsePeriod, type CalendarPeriodKind, type IsoDate, type Period } from '../period';

/** `dmy`: 15/03/2026 (also 15-03-2026, 15.03.2026) · `iso`: 2026-03-15. */
export type DateStyle = 'dmy' | 'iso';

export type ParsedDate = { ok: true; date: IsoDate; style: DateStyle } | { ok: false; reason: 'not_a_date' | 'impossible_date' };

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** A date cell in dd/mm/yyyy or ISO form. 31/02/2026 is `impossible_date`; 03/15/2026 too (no month 15). */
export function parseDateCell(text: string): ParsedDate {
  const t = text.trim();
  let m = DMY.exec(t);
  let style: DateStyle = 'dmy';
  let y: number, mo: number, d: number;
  if (m) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = ISO.exec(t))) {
    style = 'iso';
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return { ok: false, reason: 'not_a_date' };
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1000) return { ok: false, reason: 'impossible_date' };
  const date = formatDate(y, mo, d);
  if (!isValidDate(date)) return { ok: false, reason: 'impossible_date' };
  return { ok: true, date, style };
}

export type ParsedPeriod =
  | { ok: true; period: Period; fromDate: DateStyle | null }
  | { ok: false; reason: 'invalid_period' | 'impossible_date' | 'no_frequency' };

const MONTH_SLASH = /^(\d{1,2})[/-](\d{4})$/; // 03/2026
const QUARTER_SLASH = /^Q([1-4])[/-](\d{4})$/i; // Q1/2026

/**
 * A period cell: a period key (2026, 2026-Q1, 2026-03, 2026-W05), `03/2026`, `Q1/2026`, or a date —
 * a date becomes the period of `kind` that contains it (monthly KPI + 15/03/2026 → 2026-03).
 * `kind` null (a KPI without frequency) accepts period keys only.
 */
export function parsePeriodCell(text: string, kind: CalendarPeriodKind | null): ParsedPeriod {
  const t = text.trim();
  const date = parseDateCell(t);
  if (date.ok) {
    if (kind === null) return { ok: false, reason: 'no_frequency' };
    return { ok: true, period: periodContaining(date.date, kind), fromDate: date.style };
  }
  if (date.reason === 'impossible_date') return { ok: false, reason: 'impossible_date' };
  let key = t.toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = MONTH_SLASH.exec(t))) key = `${m[2]}-${m[1]!.padStart(2, '0')}`;
  else if ((m = QUARTER_SLASH.exec(t))) key = `${m[2]}-Q${m[1]}`;
  const period = tryParsePeriod(key);
  if (!period || period.kind === 'custom') return { ok: false, reason: 'invalid_period' };
  return { ok: true, period, fromDate: null };
}
