import { toDayNumber, type IsoDate, type Period } from '../period';

/** A period that has started and not ended on `today`: how much of it has gone by. */
export interface OpenPeriod {
  elapsedDays: number;
  totalDays: number;
  /** elapsedDays ÷ totalDays: the share of an amount expected by today when it comes evenly per day. */
  share: number;
}

/**
 * The period's progress when `today` lies inside it (Đang diễn ra / In progress), else null: a period
 * that is over is judged in full, one that has not started is not judged at all.
 * 1–31 December on 5 December → 5 of 31 days, share 5/31.
 */
export function openPeriodOn(period: Pick<Period, 'start' | 'end'>, today: IsoDate | undefined): OpenPeriod | null {
  if (today === undefined) return null;
  const start = toDayNumber(period.start);
  const end = toDayNumber(period.end);
  const day = toDayNumber(today);
  if (day < start || day > end) return null;
  const totalDays = end - start + 1;
  const elapsedDays = day - start + 1;
  return { elapsedDays, totalDays, share: elapsedDays / totalDays };
}

/**
 * What an open period is judged against. Amounts that add up over time (sum KPIs, increase or decrease)
 * are expected in proportion to the days gone: a 20 tỷ month on day 5 of 31 expects 20 × 5/31 = 3,2258 tỷ.
 * Rates, averages and last values are judged against the target itself: a 25 % closing rate is 25 % on
 * any day. Returns the full target when the period is not open.
 */
export function expectedTarget(aggregation: string, direction: string, target: number, open: OpenPeriod | null): number {
  if (open === null || aggregation !== 'sum' || direction === 'range') return target;
  return target * open.share;
}
