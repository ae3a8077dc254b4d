import type { Localized } from '../../../core/errors';
import { DomainError } from '../../../core/errors';
import { checkTargetSum, splitOverPeriods, type PeriodTarget } from '../../../core/target';

export type SplitGranularity = 'month' | 'quarter';

export interface YearSplitInput {
  total: number;
  year: number;
  granularity: SplitGranularity;
  /** One weight per period (12 or 4); absent = evenly. */
  weights?: readonly number[] | undefined;
  /** Last year's actual per period (12 or 4), used as shares when there are no weights. */
  lastYearActuals?: readonly number[] | undefined;
  /** Rounding step: every part is a multiple of it. */
  step: number;
}

export type YearSplit =
  | { ok: true; parts: PeriodTarget[]; sum: number; difference: number }
  | { ok: false; error: Localized };

export function periodRange(year: number, granularity: SplitGranularity): { from: string; to: string } {
  return granularity === 'month' ? { from: `${year}-01`, to: `${year}-12` } : { from: `${year}-Q1`, to: `${year}-Q4` };
}

/** The yearly total split over the months or quarters with the core's exact split; the sum is checked again. */
export function splitYear(input: YearSplitInput): YearSplit {
  try {
    const parts = splitOverPeriods({ total: input.total, ...periodRange(input.year, input.granularity), step: input.step, ...(input.weights && { weights: input.weights }), ...(input.lastYearActuals && { lastYearActuals: input.lastYearActuals }) });
    const check = checkTargetSum('sum', input.total, parts.map((p) => p.value));
    if (!check.applicable) return { ok: false, error: check.message };
    return { ok: true, parts, sum: check.childrenSum, difference: check.difference };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e.localized };
    throw e;
  }
}
