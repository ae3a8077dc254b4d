import type { KpiAggregation, KpiDirection, KpiFrequency, KpiLevel } from '../kpi/types';
import type { RagStatus, ScoreReason, ScoringMethod, StatusRule } from '../scoring';
import type { OpenPeriod } from './in-progress';

/**
 * Per-KPI scoring settings (the `kpis.scoring` column). Everything is optional:
 * `{}` means ratio method, floor 0, cap 1.2, green ≥ 100 %, amber ≥ 80 %.
 */
export interface ScoringConfig {
  method?: ScoringMethod;
  floor?: number;
  cap?: number;
  statusRules?: readonly StatusRule[];
  /** Range KPIs without a configured method: distance outside [min, max] at which the score reaches 0. Default: the width of the range. */
  tolerance?: number;
}

/** What evaluation needs to know about a KPI. */
export interface EvalKpi {
  id: number;
  code: string;
  level: KpiLevel;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  frequency: KpiFrequency | null;
  parents: readonly { code: string; weight: number }[];
  baseline?: number | null;
  scoring?: ScoringConfig;
}

/** A target (chỉ tiêu) of one KPI and scope for one period. */
export interface TargetValue {
  period: string;
  value: number;
  min?: number;
  max?: number;
  stretch?: number;
}

/** Actuals of one KPI and scope rolled over a period, from the rows of one period kind (the database's GROUP BY). */
export interface ActualTotals {
  kind: string;
  count: number;
  sum: number;
  avg: number;
  min: number;
  max: number;
  last: number;
  numeratorSum: number | null;
  denominatorSum: number | null;
}

/** One stored actual of a single period. */
export interface PeriodActual {
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** The target picked for a period, and where it came from. */
export interface PickedTarget {
  value: number;
  min?: number;
  max?: number;
  stretch?: number;
  /** `exact`: set for this very period; `children`: the sum of the child periods' targets. */
  from: 'exact' | 'children' | 'enclosing';
}

export interface PickedActual {
  value: number;
  /** `exact`: stored for this very period; otherwise the kind of the rows it was aggregated from. */
  from: 'exact' | string;
  /** Number of stored periods behind the value. */
  periods: number;
}

/** Achievement, score and status of one KPI for one period. */
export interface Evaluation {
  target: PickedTarget | null;
  actual: PickedActual | null;
  achievement: number | null;
  score: number | null;
  status: RagStatus;
  reason?: ScoreReason;
  /** Set when the period is still open on the day evaluated (Đang diễn ra / In progress). */
  open?: OpenPeriod;
  /**
   * Open period of a sum KPI: the expected-to-date share of the target that achievement, score and
   * status were measured against (target × days gone ÷ days). Absent otherwise: the target itself counts.
   */
  expected?: number;
}

export interface EvaluatedKpi extends Evaluation {
  kpiId: number;
  code: string;
}
