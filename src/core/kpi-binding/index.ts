export { bindingInvalid, planBinding, planBindingRows, scopeKeyOf, type BindingQueryPlan, type BindingRowsPlan } from './plan';
export { BINDING_LIMITS, FREQUENCY_GRAIN, type BindingScope, type KpiBinding, type ScopeMapping } from './types';
