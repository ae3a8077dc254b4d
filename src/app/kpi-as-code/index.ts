export { applyKpiFile, invalidFile } from './apply';
export { exportKpiFile } from './export';
export { planKpiFile, type KpiFilePlan } from './plan';
export { knownRefs, loadSnapshot, loadState, type StoreState } from './snapshot';
