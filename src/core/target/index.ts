export { splitByShares, splitByWeights, splitEvenly, splitUnits, type SplitOptions } from './split';
export { splitOverPeriods, type PeriodSplitInput, type PeriodTarget } from './split-periods';
export { redistribute, type PartEdit, type RedistributeInput } from './redistribute';
export { cascadeToChildren, cascadeTree, type CascadeChild, type CascadedTarget, type CascadeNode } from './cascade';
export {
  checkCascadeSums,
  checkTargetSum,
  type CascadeCheckResult,
  type SumCheckAggregation,
  type SumCheckResult,
  type SumMismatch,
  type TargetNode,
} from './sum-check';
export { fromScaled, sumDecimal, toDecimal, toScaledIntegers, type Decimal } from './decimal';
