import type { KpiDirection } from '../kpi/types';

export type { KpiDirection };

/** RAG status; `none` when there is no value to judge. */
export type RagStatus = 'green' | 'amber' | 'red' | 'none';

/** A status rule matches when achievement ≥ `min`; rules are tried in the order given. */
export interface StatusRule {
  min: number;
  status: Exclude<RagStatus, 'none'>;
}

/** One step of a band table: achievement ≥ `min` gives `score`. */
export interface Band {
  min: number;
  score: number;
}

/**
 * How achievement (tỷ lệ hoàn thành) is computed.
 * - `ratio`: increase actual/target, decrease target/actual.
 * - `progress`: share of the way from the baseline to the target.
 * - `range`: 1 inside [min, max], falling linearly to 0 at `tolerance` outside.
 * - `binary`: target met → 1, else 0.
 * - `bands`: a step table applied to the ratio achievement.
 */
export type ScoringMethod =
  | { kind: 'ratio' }
  | { kind: 'progress' }
  | { kind: 'binary' }
  | { kind: 'range'; min: number; max: number; tolerance: number }
  | { kind: 'bands'; bands: readonly Band[]; /** Score below the lowest band; default 0. */ below?: number };

export type ScoringMethodKind = ScoringMethod['kind'];

/**
 * Why a result has no value, or which edge rule produced it.
 * - `no-actual`, `no-target`, `no-baseline`: an input is missing (null, undefined, NaN or ±Infinity).
 * - `target-equals-baseline`: progress has no distance to travel.
 * - `zero-target`: increase KPI with target 0 → 1 when actual ≥ 0, else 0.
 * - `zero-actual` / `negative-actual`: decrease KPI at or below 0 with target ≥ 0 → the cap.
 * - `negative-target`: ratio measured as distance from the target relative to |target|.
 */
export type ScoreReason =
  | 'no-actual'
  | 'no-target'
  | 'no-baseline'
  | 'target-equals-baseline'
  | 'zero-target'
  | 'zero-actual'
  | 'negative-actual'
  | 'negative-target';

export interface ScoreResult {
  /** Uncapped achievement as a fraction (0.95 = 95 %), or null when there is no value. */
  achievement: number | null;
  /** Achievement (or band score) clamped to [floor, cap]. */
  score: number | null;
  status: RagStatus;
  reason?: ScoreReason;
}
