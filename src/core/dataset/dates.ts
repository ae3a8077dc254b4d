import { formatDate, isValidDate } from '../period';

/** How a file writes its dates: `dmy` 15/03/2026 (the default), `mdy` 03/15/2026, `ymd` 2026/03/15. ISO 2026-03-15 is always read. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** The `--date-format` spellings. */
export const DATE_FORMATS: Record<string, DateOrder> = { 'dd/mm/yyyy': 'dmy', 'mm/dd/yyyy': 'mdy', 'yyyy-mm-dd': 'ymd', 'yyyy/mm/dd': 'ymd' };

export type DateCell = { ok: true; date: string; time: string | null } | { ok: false; reason: 'not_a_date' | 'impossible_date' };

const NUMERIC_DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:(?:[T ]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const NOT_A_DATE = { ok: false, reason: 'not_a_date' } as const;
const IMPOSSIBLE = { ok: false, reason: 'impossible_date' } as const;

/**
 * A date, or a date and time, as the file writes it. `date` is ISO (YYYY-MM-DD); `time` is `HH:MM:SS[.ffffff]`
 * followed by the offset the cell gave (`+07:00`, `Z`), or nothing: such a time is read in the company time
 * zone when stored. A four-digit first part is always a year (ISO); otherwise `order` says which part is the day.
 */
export function parseDateTime(text: string, order: DateOrder): DateCell {
  const m = NUMERIC_DATE.exec(text.trim());
  if (!m) return NOT_A_DATE;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  let y: string, mo: string, d: string;
  if (a.length === 4) [y, mo, d] = [a, b, c];
  else if (c.length === 4 && order !== 'ymd') [y, mo, d] = order === 'dmy' ? [c, b, a] : [c, a, b];
  else return NOT_A_DATE;
  if (d.length > 2) return NOT_A_DATE;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return IMPOSSIBLE;
  const date = formatDate(year, month, day);
  if (!isValidDate(date)) return IMPOSSIBLE;
  if (m[4] === undefined) return { ok: true, date, time: null };
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return IMPOSSIBLE;
  const offset = m[8] === undefined ? '' : offsetText(m[8]);
  if (offset === null) return IMPOSSIBLE;
  const time = `${String(h).padStart(2, '0')}:${m[5]}:${String(s).padStart(2, '0')}${m[7] ?? ''}${offset}`;
  return { ok: true, date, time };
}

/** `Z`, `+07`, `+0700`, `+07:00` → `+00:00` / `+07:00`; null when out of range. */
function offsetText(o: string): string | null {
  if (o.toUpperCase() === 'Z') return '+00:00';
  const digits = o.slice(1).replace(':', '');
  const [hh, mm] = [digits.slice(0, 2), digits.slice(2) || '00'];
  if (Number(hh) > 14 || Number(mm) > 59) return null;
  return `${o[0]}${hh}:${mm}`;
}
