import { periodsBetween } from '../period';
import { weightsCountMismatch } from './errors';
import { splitByShares, splitByWeights, splitEvenly } from './split';

export interface PeriodSplitInput {
  total: number;
  /** First period key, e.g. `2026-01`. */
  from: string;
  /** Last period key (same kind), e.g. `2026-12`. */
  to: string;
  /** Seasonality weights, one per period. */
  weights?: readonly number[];
  /** Last year's actuals, one per period (used when `weights` is not given). */
  lastYearActuals?: readonly number[];
  step?: number;
}

export interface PeriodTarget {
  period: string;
  value: number;
}

/** Split a total target over the periods from..to: evenly, by weights, or by last year's shares. */
export function splitOverPeriods(input: PeriodSplitInput): PeriodTarget[] {
  const periods = periodsBetween(input.from, input.to);
  const options = input.step === undefined ? {} : { step: input.step };
  const shares = input.weights ?? input.lastYearActuals;
  if (shares !== undefined && shares.length !== periods.length) throw weightsCountMismatch(shares.length, periods.length);
  const values = input.weights
    ? splitByWeights(input.total, input.weights, options)
    : input.lastYearActuals
      ? splitByShares(input.total, input.lastYearActuals, options)
      : splitEvenly(input.total, periods.length, options);
  return periods.map((period, i) => ({ period, value: values[i] as number }));
}
