export type {
  ActualTotals,
  EvalKpi,
  EvaluatedKpi,
  Evaluation,
  PeriodActual,
  PickedActual,
  PickedTarget,
  ScoringConfig,
  TargetValue,
} from './types';
export { kindOfFrequency } from './frequency';
export { expectedTarget, openPeriodOn, type OpenPeriod } from './in-progress';
export { pickTarget } from './pick-target';
export { pickActual, valueOfTotals } from './pick-actual';
export { evaluateKpi, statusOfScore } from './score';
export { evaluateKpiInPeriod, evaluatePeriod, kindsToAggregate, type PeriodData } from './evaluate-period';
export { rollUpKpiTree, type KpiTreeRollup, type RolledKpi } from './rollup-tree';
export { strategyTree, type StrategyNode } from './strategy-tree';
export { currentYearToDate, evaluateSeries, fiscalYearKeys, type SeriesInput, type SeriesPoint, type YtdValue } from './series';
export { paceOf, type KpiPace, type PaceView } from './pace';
export { unitScores, unitTreeOrder, type UnitLike, type UnitScore } from './unit-rollup';
