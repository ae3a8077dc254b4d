import { issue, type Issue } from '../errors';
import { daysInMonth, formatDate, monthPeriod, quarterPeriod, yearPeriod } from '../period';
import type { CycleFrequency } from './cycle';

/** Which key each frequency takes: 2026 (yearly), 2026-H2 (half-yearly), 2026-Q3 (quarterly), 2026-07 (monthly). */
const KEY_OF: Record<CycleFrequency, { re: RegExp; example: string }> = {
  yearly: { re: /^(\d{4})$/, example: '2026' },
  'half-yearly': { re: /^(\d{4})-H([12])$/, example: '2026-H2' },
  quarterly: { re: /^(\d{4})-Q([1-4])$/, example: '2026-Q3' },
  monthly: { re: /^(\d{4})-(0[1-9]|1[0-2])$/, example: '2026-07' },
};

const FREQUENCY_NAMES: Record<CycleFrequency, { vi: string; en: string }> = {
  yearly: { vi: 'năm', en: 'yearly' },
  'half-yearly': { vi: 'nửa năm', en: 'half-yearly' },
  quarterly: { vi: 'quý', en: 'quarterly' },
  monthly: { vi: 'tháng', en: 'monthly' },
};

/** A half year: January–June (H1) or July–December (H2). */
function halfPeriod(year: number, half: 1 | 2): { start: string; end: string } {
  return half === 1 ? { start: formatDate(year, 1, 1), end: formatDate(year, 6, 30) } : { start: formatDate(year, 7, 1), end: formatDate(year, 12, daysInMonth(year, 12)) };
}

/**
 * The first and last day of a cycle from its frequency and period key, or the issue (path `period`) when the
 * key is not of that frequency's form (a quarterly cycle needs 2026-Q3, not 2026-07).
 */
export function cycleDates(frequency: CycleFrequency, period: string): { startsOn: string; endsOn: string } | Issue {
  const { re, example } = KEY_OF[frequency];
  const m = re.exec(period);
  const year = m ? Number(m[1]) : 0;
  if (!m || year < 1000) {
    const name = FREQUENCY_NAMES[frequency];
    return issue(
      'period',
      'APPRAISAL_PERIOD_MISMATCH',
      `Kỳ "${period}" không khớp tần suất ${name.vi}: dùng dạng ${example}`,
      `The period "${period}" does not match the ${name.en} frequency: use the form ${example}`,
    );
  }
  const part = Number(m[2]);
  const p =
    frequency === 'yearly'
      ? yearPeriod(year)
      : frequency === 'half-yearly'
        ? halfPeriod(year, part as 1 | 2)
        : frequency === 'quarterly'
          ? quarterPeriod(year, part)
          : monthPeriod(year, part);
  return { startsOn: p.start, endsOn: p.end };
}
