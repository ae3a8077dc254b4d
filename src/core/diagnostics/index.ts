export { ACTION_PLAN_STATUSES, ACTION_PLAN_STATUS_LABELS, MISS_REASONS, MISS_REASON_LABELS, isOpenPlan, type ActionPlanStatus, type MissReason } from './reasons';
export { VITAL_SHARE, pareto, type ParetoBar } from './pareto';
export { decompose, factorsOf, volumePriceFactors, type Decomposition, type DriverEffect, type DriverFactor } from './drivers';
export { productFactors, productShapeOf, type ProductShape } from './product-formula';
export { UNREALISTIC_JUMP, suggestReasons, type MissFacts, type Suggestion } from './suggest';
