import { DomainError } from '../errors';
import { isValidDate, parsePeriod, toDayNumber, type IsoDate } from '../period';
import { ratioAchievement } from './ratio';
import { DEFAULT_CAP } from './score-kpi';

export interface SeasonalityWeight {
  /** A sub-period key inside the period, e.g. `2026-03` for a 2026 target. */
  period: string;
  weight: number;
}

export interface PaceInput {
  direction: 'increase' | 'decrease';
  /** Target for the whole period (a cumulative amount: revenue, new customers, cost budget …). */
  target: number;
  actualToDate: number;
  start: IsoDate;
  /** Inclusive. */
  end: IsoDate;
  /** Counts as elapsed: pass yesterday when the actuals stop at yesterday. */
  today: IsoDate;
  /** Without it the target is expected evenly per day. */
  seasonality?: readonly SeasonalityWeight[];
  /** Cap for `forecastAchievement` on decrease KPIs forecast at ≤ 0; default 1.2. */
  cap?: number;
}

export interface Allowance {
  /** Never negative. */
  amount: number;
  /** null when no day is left. */
  perDay: number | null;
  perWeek: number | null;
}

export interface PaceResult {
  totalDays: number;
  elapsedDays: number;
  remainingDays: number;
  /** Share of the target that should be done by today (0–1). */
  expectedShare: number;
  expectedToDate: number;
  /** actual − expected. */
  gap: number;
  /** increase: actual ≥ expected; decrease: actual ≤ expected. */
  onTrack: boolean;
  /** Actual ÷ expected share (the run-rate carried to the end); null before the period starts. */
  forecast: number | null;
  /** Ratio achievement of the forecast against the target. */
  forecastAchievement: number | null;
  /** Increase KPIs: what is still needed to reach the target (Cần thêm). Null for decrease KPIs. */
  stillNeeded: Allowance | null;
  /** Decrease KPIs: what may still be used before passing the target (e.g. budget left). Null for increase KPIs. */
  headroom: Allowance | null;
}

function paceError(vi: string, en: string, params: Record<string, unknown>): DomainError {
  return new DomainError('PACE_INPUT_INVALID', { vi: `Không tính được tiến độ: ${vi}`, en: `Cannot compute pace: ${en}` }, { params });
}

/** Days of [start, end] (inclusive) on or before `today`, between 0 and the span's length. */
function elapsedIn(start: number, end: number, today: number): number {
  return Math.min(end - start + 1, Math.max(0, today - start + 1));
}

/** Pace (Tiến độ), forecast at period end (Dự báo cuối kỳ) and what is still needed (Cần thêm). */
export function computePace(input: PaceInput): PaceResult {
  for (const [name, date] of [['start', input.start], ['end', input.end], ['today', input.today]] as const) {
    if (!isValidDate(date)) throw paceError(`ngày ${name} "${date}" không hợp lệ`, `the ${name} date "${date}" is not valid`, { [name]: date });
  }
  if (!Number.isFinite(input.target) || !Number.isFinite(input.actualToDate)) {
    throw paceError('chỉ tiêu và thực hiện phải là số', 'the target and the actual must be numbers', {});
  }
  const start = toDayNumber(input.start);
  const end = toDayNumber(input.end);
  const today = toDayNumber(input.today);
  if (start > end) throw paceError('ngày bắt đầu sau ngày kết thúc', 'the start date is after the end date', { start: input.start, end: input.end });

  const totalDays = end - start + 1;
  const elapsedDays = elapsedIn(start, end, today);
  const remainingDays = totalDays - elapsedDays;
  const expectedShare = input.seasonality ? seasonalShare(input.seasonality, start, end, today) : elapsedDays / totalDays;
  const expectedToDate = input.target * expectedShare;
  const increase = input.direction === 'increase';
  const actual = input.actualToDate;
  const forecast = expectedShare > 0 ? actual / expectedShare : null;
  const left = allowance(input.target - actual, remainingDays);

  return {
    totalDays,
    elapsedDays,
    remainingDays,
    expectedShare,
    expectedToDate,
    gap: actual - expectedToDate,
    onTrack: increase ? actual >= expectedToDate : actual <= expectedToDate,
    forecast,
    forecastAchievement: forecast === null ? null : ratioAchievement(increase, input.target, forecast, input.cap ?? DEFAULT_CAP),
    stillNeeded: increase ? left : null,
    headroom: increase ? null : left,
  };
}

function allowance(difference: number, remainingDays: number): Allowance {
  const amount = Math.max(0, difference);
  if (remainingDays === 0) return { amount, perDay: null, perWeek: null };
  return { amount, perDay: amount / remainingDays, perWeek: (amount * 7) / remainingDays };
}

/** Σ weightₛ × (elapsed days in s ÷ days in s) ÷ Σ weightₛ. */
function seasonalShare(weights: readonly SeasonalityWeight[], start: number, end: number, today: number): number {
  let total = 0;
  let done = 0;
  for (const item of weights) {
    const p = parsePeriod(item.period);
    const s = toDayNumber(p.start);
    const e = toDayNumber(p.end);
    if (s < start || e > end) {
      throw paceError(`kỳ con ${p.key} nằm ngoài kỳ`, `the sub-period ${p.key} lies outside the period`, { period: p.key });
    }
    if (!(item.weight >= 0) || !Number.isFinite(item.weight)) {
      throw paceError(`trọng số của ${p.key} phải là số không âm`, `the weight of ${p.key} must be a non-negative number`, {
        period: p.key,
        weight: item.weight,
      });
    }
    total += item.weight;
    done += (item.weight * elapsedIn(s, e, today)) / (e - s + 1);
  }
  if (total <= 0) throw paceError('cần ít nhất một trọng số dương', 'at least one weight must be positive', {});
  return done / total;
}
