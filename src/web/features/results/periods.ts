import { parsePeriod, periodContaining, shiftPeriod, tryParsePeriod, type CalendarPeriodKind } from '../../../core/period';
import { formatDate, type UiLang } from '../../lib/format';

const KIND_OF_FREQUENCY: Record<string, CalendarPeriodKind> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };

/** The period kind a KPI is measured in (`monthly` → `month`); a KPI without frequency is read monthly. */
export function kindOfFrequency(frequency: string | null | undefined): CalendarPeriodKind {
  return (frequency && KIND_OF_FREQUENCY[frequency]) || 'month';
}

/** The key of the period of `kind` that contains the calendar date `today` (YYYY-MM-DD). */
export function periodKeyOf(today: string, kind: CalendarPeriodKind): string {
  return periodContaining(today, kind).key;
}

/**
 * Periods to pick from, newest first: `back` periods before the one containing `today`, that one, and
 * `ahead` after it.
 */
export function periodChoices(kind: CalendarPeriodKind, today: string, back: number, ahead = 0): string[] {
  const current = periodContaining(today, kind);
  const keys: string[] = [];
  for (let i = ahead; i >= -back; i--) keys.push(shiftPeriod(current, i).key);
  return keys;
}

/**
 * The one label of a period, used by every table, picker, chart axis, dialog, the audit log and the
 * import preview: `2026-03` → "Tháng 03/2026" / "Mar 2026"; `2026-Q1` → "Quý 1/2026" / "Q1 2026";
 * `2026` → "Năm 2026" / "2026"; `2026-W05` → "Tuần 05/2026" / "Week 05, 2026"; a custom range →
 * "01/04/2026–31/03/2027" / "1 Apr 2026–31 Mar 2027" (a whole calendar year is labelled as that year).
 * Anything that is not a period key is returned as it is.
 */
export function periodLabel(key: string, lang: UiLang): string {
  const p = tryParsePeriod(key);
  if (!p) return key;
  const year = p.key.slice(0, 4);
  switch (p.kind) {
    case 'year':
      return lang === 'vi' ? `Năm ${year}` : year;
    case 'quarter': {
      const q = p.key.slice(6);
      return lang === 'vi' ? `Quý ${q}/${year}` : `Q${q} ${year}`;
    }
    case 'month': {
      const m = p.key.slice(5, 7);
      return lang === 'vi' ? `Tháng ${m}/${year}` : `${MONTHS_EN[Number(m) - 1]} ${year}`;
    }
    case 'week': {
      const w = p.key.slice(6);
      return lang === 'vi' ? `Tuần ${w}/${year}` : `Week ${w}, ${year}`;
    }
    default: {
      if (p.start.endsWith('-01-01') && p.end === `${p.start.slice(0, 4)}-12-31`) return periodLabel(p.start.slice(0, 4), lang);
      return `${formatDate(p.start, lang)}–${formatDate(p.end, lang)}`;
    }
  }
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** True when `key` is a valid period key. */
export function isPeriodKey(key: string): boolean {
  return tryParsePeriod(key) !== null;
}

/** The kind of a valid period key (`2026-Q1` → quarter). */
export function kindOfKey(key: string): string {
  return parsePeriod(key).kind;
}

/** Today's calendar date in the browser (YYYY-MM-DD). Pages prefer the server's `today` when they have it. */
export function browserToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
