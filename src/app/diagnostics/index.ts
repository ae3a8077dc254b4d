export { createActionPlan, deleteActionPlan, updateActionPlan } from './action-plans';
export { getDrivers, type DriversView } from './drivers';
export { listMisses, type MissItem, type Misses } from './misses';
export { getPareto, periodKeysOf, type ParetoView } from './pareto';
export { exportPareto } from './pareto-xlsx';
export { recordReasons } from './record-reasons';
