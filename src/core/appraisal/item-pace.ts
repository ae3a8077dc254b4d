import { openPeriodOn } from '../evaluation/in-progress';
import type { IsoDate } from '../period';

export interface ItemPace {
  /** Share of the cycle gone by on `today` (0 before it starts, 1 after it ends). */
  elapsed: number;
  /** Where the item ends at this pace: actual ÷ elapsed for amounts that add up (sum KPIs), else the actual itself. */
  forecast: number | null;
  /** What is still needed to meet the target: target − actual when more is better, actual − target when less is (never below 0). */
  stillNeeded: number | null;
}

/**
 * Pace (Tiến độ), forecast (Dự báo cuối kỳ) and still needed (Cần thêm) of one KPI item of an open cycle,
 * on the company's `today`. A sum KPI with 30 of 120 done on day 73 of 365 (elapsed 0.2) forecasts 150 and
 * still needs 90.
 */
export function itemPace(
  cycle: { startsOn: IsoDate; endsOn: IsoDate },
  item: { aggregation: string | null; direction: string | null; target: number | null; actual: number | null },
  today: IsoDate,
): ItemPace {
  const elapsed = today < cycle.startsOn ? 0 : today > cycle.endsOn ? 1 : openPeriodOn({ start: cycle.startsOn, end: cycle.endsOn }, today)!.share;
  const { actual, target } = item;
  let forecast: number | null = null;
  if (actual !== null) forecast = item.aggregation === 'sum' ? (elapsed > 0 ? actual / elapsed : null) : actual;
  let stillNeeded: number | null = null;
  if (actual !== null && target !== null && (item.direction === 'increase' || item.direction === 'decrease')) {
    stillNeeded = Math.max(0, item.direction === 'increase' ? target - actual : actual - target);
  }
  return { elapsed, forecast, stillNeeded };
}
