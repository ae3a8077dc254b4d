export type {
  Band,
  KpiDirection,
  RagStatus,
  ScoreReason,
  ScoreResult,
  ScoringMethod,
  ScoringMethodKind,
  StatusRule,
} from './types';
export { DEFAULT_CAP, DEFAULT_FLOOR, scoreKpi, type ScoreInput } from './score-kpi';
export { achievementOf, bandScore, type Achievement, type AchievementInput } from './achievement';
export { ratioAchievement, ratioEdgeReason } from './ratio';
export { DEFAULT_STATUS_RULES, statusOf } from './status';
export { scoreReasonMessage } from './reasons';
export { rollupScores, type RollupOptions, type RollupResult, type WeightedScore } from './rollup';
export { aggregateOverTime, ratioOfSums, type KpiAggregation, type TimePoint } from './aggregate';
export {
  AGGREGATION_CODE,
  DIRECTION_CODE,
  evaluateCompany,
  type CompanyCube,
  type CompanyEvaluation,
} from './fast-rollup';
export { computePace, type Allowance, type PaceInput, type PaceResult, type SeasonalityWeight } from './pace';
