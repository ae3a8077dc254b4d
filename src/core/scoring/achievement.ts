import { scoringConfigError } from './errors';
import { ratioAchievement, ratioEdgeReason } from './ratio';
import type { Band, KpiDirection, ScoreReason, ScoringMethod } from './types';

export interface AchievementInput {
  direction: KpiDirection;
  method: ScoringMethod;
  target: number | null;
  actual: number | null;
  baseline: number | null;
  /** Used by the ratio rule for decrease KPIs at actual ≤ 0. */
  cap: number;
}

export interface Achievement {
  value: number | null;
  /** For `bands`: the band's score, which the score is based on instead of the achievement. */
  bandScore?: number;
  reason?: ScoreReason;
}

const none = (reason: ScoreReason): Achievement => ({ value: null, reason });

/** Achievement for one KPI and period. `actual` and `target` are already known to be finite or null. */
export function achievementOf(input: AchievementInput): Achievement {
  const { method, actual, target } = input;
  if (method.kind === 'range') return rangeAchievement(method, actual);
  if (input.direction === 'range') {
    throw scoringConfigError(
      `KPI "trong khoảng" chỉ dùng được phương pháp range (nhận được: ${method.kind})`,
      `a Range KPI can only use the range method (got: ${method.kind})`,
      { method: method.kind },
    );
  }
  if (actual === null) return none('no-actual');
  if (target === null) return none('no-target');
  const increase = input.direction === 'increase';

  switch (method.kind) {
    case 'ratio':
      return withReason(ratioAchievement(increase, target, actual, input.cap), ratioEdgeReason(increase, target, actual));
    case 'progress':
      return progressAchievement(increase, target, actual, input.baseline);
    case 'binary':
      return { value: (increase ? actual >= target : actual <= target) ? 1 : 0 };
    case 'bands': {
      const ratio = ratioAchievement(increase, target, actual, input.cap);
      return { ...withReason(ratio, ratioEdgeReason(increase, target, actual)), bandScore: bandScore(method.bands, method.below ?? 0, ratio) };
    }
  }
}

function withReason(value: number, reason: ScoreReason | undefined): Achievement {
  return reason === undefined ? { value } : { value, reason };
}

/** increase: (actual − baseline) / (target − baseline); decrease: (baseline − actual) / (baseline − target). */
function progressAchievement(increase: boolean, target: number, actual: number, baseline: number | null): Achievement {
  if (baseline === null) return none('no-baseline');
  if (target === baseline) return none('target-equals-baseline');
  return { value: increase ? (actual - baseline) / (target - baseline) : (baseline - actual) / (baseline - target) };
}

function rangeAchievement(method: Extract<ScoringMethod, { kind: 'range' }>, actual: number | null): Achievement {
  const { min, max, tolerance } = method;
  if (!(min <= max) || !(tolerance >= 0) || !Number.isFinite(min) || !Number.isFinite(max) || !Number.isFinite(tolerance)) {
    throw scoringConfigError(
      `khoảng cần min ≤ max và dung sai ≥ 0 (min ${min}, max ${max}, dung sai ${tolerance})`,
      `a range needs min ≤ max and tolerance ≥ 0 (min ${min}, max ${max}, tolerance ${tolerance})`,
      { min, max, tolerance },
    );
  }
  if (actual === null) return none('no-actual');
  const distance = actual < min ? min - actual : actual > max ? actual - max : 0;
  if (distance === 0) return { value: 1 };
  if (tolerance === 0) return { value: 0 };
  return { value: Math.max(0, 1 - distance / tolerance) };
}

/** The band with the highest `min` that the ratio reaches; `below` when it reaches none. */
export function bandScore(bands: readonly Band[], below: number, ratio: number): number {
  let best: Band | undefined;
  for (const band of bands) if (ratio >= band.min && (best === undefined || band.min > best.min)) best = band;
  return best === undefined ? below : best.score;
}
