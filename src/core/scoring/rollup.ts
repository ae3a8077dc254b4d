import { scoringConfigError } from './errors';

export interface WeightedScore {
  weight: number;
  /** null (or NaN) = no value this period. */
  score: number | null;
}

export interface RollupOptions {
  /** `skip` (default): children without a value are left out; `zero`: they count as score 0. */
  missing?: 'skip' | 'zero';
}

export interface RollupResult {
  /** Σ weightᵢ × scoreᵢ / Σ weightᵢ, or null when no weight carries a value. */
  score: number | null;
  /** Σ weight of the children that took part. */
  weightUsed: number;
  /** Number of children without a value. */
  missing: number;
}

/** A parent's score as the weighted average of its children's scores (KPIs on a sheet, units under a unit). */
export function rollupScores(children: readonly WeightedScore[], options: RollupOptions = {}): RollupResult {
  const countMissingAsZero = options.missing === 'zero';
  let weighted = 0;
  let weightUsed = 0;
  let missing = 0;
  for (const [index, child] of children.entries()) {
    if (!(child.weight >= 0) || !Number.isFinite(child.weight)) {
      throw scoringConfigError(
        `trọng số phải là số không âm (vị trí ${index + 1}: ${child.weight})`,
        `weights must be non-negative numbers (position ${index + 1}: ${child.weight})`,
        { index, weight: child.weight },
      );
    }
    const hasValue = child.score !== null && Number.isFinite(child.score);
    if (!hasValue) missing++;
    if (!hasValue && !countMissingAsZero) continue;
    weighted += child.weight * (hasValue ? (child.score as number) : 0);
    weightUsed += child.weight;
  }
  return { score: weightUsed > 0 ? weighted / weightUsed : null, weightUsed, missing };
}
