import type { SplitGranularity } from './split-targets';

/** One actual as the API lists it: its period key (`2025-03`, `2025-Q1`, `2025-03-14` …) and value. */
export interface PeriodActual {
  period: string;
  value: number;
}

/** Why the "by last year's actuals" split cannot be used. */
export type LastYearUnavailable = 'newKpi' | 'loading' | 'noActuals';

export type LastYearShares =
  | { ok: true; values: number[]; total: number }
  | { ok: false; reason: LastYearUnavailable };

const MONTH_OR_DAY = /^(\d{4})-(0[1-9]|1[0-2])(-\d{2})?$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Index (0-based) of the month or quarter of `year` an actual belongs to, or null when it does not fit. */
function slotOf(period: string, year: number, granularity: SplitGranularity): number | null {
  const month = MONTH_OR_DAY.exec(period);
  if (month) {
    if (Number(month[1]) !== year) return null;
    const m = Number(month[2]) - 1;
    return granularity === 'month' ? m : Math.floor(m / 3);
  }
  const quarter = QUARTER.exec(period);
  // A quarter's actual cannot be divided into its months.
  if (quarter && granularity === 'quarter' && Number(quarter[1]) === year) return Number(quarter[2]) - 1;
  return null;
}

/**
 * Last year's actuals per month (12) or quarter (4): months (and days) add up into their month or quarter;
 * a period without an actual counts as 0. Weeks and custom ranges are left out.
 */
export function actualsPerPeriod(actuals: readonly PeriodActual[], year: number, granularity: SplitGranularity): number[] {
  const values = new Array<number>(granularity === 'month' ? 12 : 4).fill(0);
  for (const a of actuals) {
    const slot = slotOf(a.period, year, granularity);
    if (slot === null || !Number.isFinite(a.value)) continue;
    // toPrecision keeps binary noise (0.1 + 0.2) out of the exact split.
    values[slot] = Number(((values[slot] ?? 0) + a.value).toPrecision(15));
  }
  return values;
}

/**
 * The shares for splitting `year`'s target by the actuals of `year − 1`; unavailable for a KPI that is not
 * saved yet, while the actuals load, or when every share is 0.
 */
export function lastYearShares(input: {
  kpiCode: string | undefined;
  actuals: readonly PeriodActual[] | undefined;
  year: number;
  granularity: SplitGranularity;
}): LastYearShares {
  if (!input.kpiCode) return { ok: false, reason: 'newKpi' };
  if (!input.actuals) return { ok: false, reason: 'loading' };
  const values = actualsPerPeriod(input.actuals, input.year - 1, input.granularity);
  const total = Number(values.reduce((a, b) => a + b, 0).toPrecision(15));
  if (values.every((v) => v === 0)) return { ok: false, reason: 'noActuals' };
  return { ok: true, values, total };
}
