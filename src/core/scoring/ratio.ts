import type { ScoreReason } from './types';

/**
 * Ratio achievement on plain numbers (shared by `scoreKpi` and the typed-array fast path).
 *
 * increase: target > 0 → actual / target;
 *           target = 0 → 1 when actual ≥ 0, else 0;
 *           target < 0 → 1 + (actual − target) / |target| (same as actual/target for positive targets,
 *                        but a loss of −50 against a target of −100 scores 1.5, not 0.5).
 * decrease: target > 0 and actual > 0 → target / actual;
 *           target ≥ 0 and actual ≤ 0 → `cap` (nothing at all is the best possible result);
 *           target < 0 → 1 + (target − actual) / |target|.
 */
export function ratioAchievement(increase: boolean, target: number, actual: number, cap: number): number {
  if (increase) {
    if (target > 0) return actual / target;
    if (target === 0) return actual >= 0 ? 1 : 0;
    return 1 + (actual - target) / -target;
  }
  if (target < 0) return 1 + (target - actual) / -target;
  if (actual <= 0) return cap;
  return target / actual;
}

/** The edge rule `ratioAchievement` applied, if any. */
export function ratioEdgeReason(increase: boolean, target: number, actual: number): ScoreReason | undefined {
  if (target < 0) return 'negative-target';
  if (increase) return target === 0 ? 'zero-target' : undefined;
  if (actual === 0) return 'zero-actual';
  if (actual < 0) return 'negative-actual';
  return undefined;
}
