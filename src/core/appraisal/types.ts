import type { ScoringMethod } from '../scoring';

/**
 * An evaluation sheet (phiếu đánh giá) for one person: groups with weights, items with weights. Weights are
 * percentages that total exactly 100 at each level. Scores are fractions (0.95 = 95 %).
 */

/** What a missing item or group counts as: `renormalize` skips it and shares its weight out; `zero` counts 0. */
export type MissingMode = 'renormalize' | 'zero';

export const MISSING_MODES: readonly MissingMode[] = ['renormalize', 'zero'];

/** An item scored by the KPI scoring rules (same fields as `openkpi score`). */
export interface KpiItem {
  kind: 'kpi';
  code: string;
  weight: number;
  /** `range` only with a `range` method. */
  direction: 'increase' | 'decrease' | 'range';
  /** Default `ratio`; a KPI's full scoring method (`range`, `bands` with their settings) as an object. */
  method?: 'ratio' | 'progress' | 'binary' | ScoringMethod;
  target?: number | null;
  /** Absent or null: the item has no value yet. */
  actual?: number | null;
  baseline?: number | null;
  floor?: number;
  cap?: number;
}

/** An item rated on a 1…scale scale; score = rating ÷ scale. */
export interface RatedItem {
  kind: 'rated';
  code: string;
  weight: number;
  scale: number;
  /** Absent or null: not rated yet. */
  rating?: number | null;
}

export type SheetItem = KpiItem | RatedItem;

export interface SheetGroup {
  code: string;
  weight: number;
  items: readonly SheetItem[];
}

export interface Sheet {
  groups: readonly SheetGroup[];
  /** Default `renormalize`. */
  missing?: MissingMode;
}

export interface ItemScore {
  code: string;
  group: string;
  /** Uncapped achievement (rating ÷ scale for a rated item); null when missing. */
  achievement: number | null;
  /** Score within floor/cap; null when the item has no value. */
  score: number | null;
  /** Why a KPI item has no value or which edge rule applied (from the scoring core). */
  reason?: string;
}

export interface GroupScore {
  code: string;
  /** Null when no item of the group has a value (renormalize mode). */
  score: number | null;
}

export interface SheetScore {
  /** Final score rounded to 1e-9 (see `roundScore`); null when nothing has a value. */
  score: number | null;
  missing: MissingMode;
  groups: GroupScore[];
  items: ItemScore[];
}

/** A grade band: a score ≥ `min` gets `grade` (the band with the highest reached `min` wins). */
export interface GradeBand {
  grade: string;
  min: number;
}

/** How the bonus coefficient is found: a table per grade, or the final score itself. */
export type CoefficientRule = Readonly<Record<string, number>> | 'score';

export interface BonusRule {
  /** Bonus base (₫), e.g. the P3 part of the salary. */
  base: number;
  /** Bonus rate; default 1. */
  rate?: number;
  /** Default A 1.5, B 1.2, C 1.0, D 0.5. */
  coefficients?: CoefficientRule;
  /** Rounding step (₫), halves up; default 1,000. */
  round?: number;
}

/** A sheet with its grade bands and bonus rule: what `openkpi evaluate` reads. */
export interface AppraisalInput extends Sheet {
  /** Default A ≥ 1.05, B ≥ 0.95, C ≥ 0.8, D below. */
  bands?: readonly GradeBand[];
  /** No bonus rule: no coefficient and no bonus. */
  bonus?: BonusRule;
}

export interface Appraisal extends SheetScore {
  /** Null when the score is null. */
  grade: string | null;
  coefficient: number | null;
  bonus: number | null;
}
