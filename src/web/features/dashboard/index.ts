export { default as UnitDashboardPage } from './UnitDashboardPage';
export { UnitKpiTable } from './UnitKpiTable';
export { childrenOf, pathTo } from './unit-drill';
