import { actualsPerPeriod, type PeriodActual } from '../kpi/last-year-shares';
import { splitYear } from '../kpi/split-targets';
import type { MonthPlan } from './month-plan';

/**
 * Where the monthly plan's opening values come from: the saved monthly targets, the yearly target split
 * evenly, or split by last year's monthly actuals — the last two not saved yet — or nothing to start from.
 */
export type PlanBasis = 'saved' | 'even' | 'lastYear' | 'empty';

export interface InitialPlan {
  values: number[];
  basis: PlanBasis;
}

/**
 * The 12 values the monthly plan opens with. Saved monthly targets win (any month saved). Otherwise a
 * yearly target is split with the core's exact split (parts add up to it to the đồng): by last year's
 * monthly actuals of the same scope when there are any, else evenly. The first rounding step of `steps`
 * that divides the yearly target is used (largest first, so 240 tỷ splits in whole millions).
 */
export function initialMonthPlan(plan: MonthPlan, lastYearMonths: readonly number[] | null, steps: readonly number[]): InitialPlan {
  if (plan.records.some((r) => r !== null)) return { values: plan.values, basis: 'saved' };
  const zeros = { values: new Array<number>(12).fill(0), basis: 'empty' as const };
  if (plan.yearly === null) return zeros;
  for (const step of [...steps].sort((a, b) => b - a)) {
    const split = splitYear({ total: plan.yearly, year: plan.year, granularity: 'month', step, ...(lastYearMonths && { lastYearActuals: lastYearMonths }) });
    if (split.ok) return { values: split.parts.map((p) => p.value), basis: lastYearMonths ? 'lastYear' : 'even' };
  }
  return zeros;
}

/**
 * A scope's actuals of `year` month by month, when they make a complete year to take shares from: every
 * month reported (monthly or daily actuals) and not all zero. An unfinished year — planning next year in
 * December — would give its missing months nothing, so it is not used (null: split evenly).
 */
export function completeYearMonths(actuals: readonly PeriodActual[], year: number): number[] | null {
  const reported = new Set(actuals.map((a) => /^(\d{4})-(\d{2})(-\d{2})?$/.exec(a.period)).filter((m) => m !== null && Number(m[1]) === year).map((m) => m![2]));
  if (reported.size < 12) return null;
  const values = actualsPerPeriod(actuals, year, 'month');
  return values.some((v) => v !== 0) ? values : null;
}
