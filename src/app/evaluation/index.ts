export { getScorecard, getStrategyMap, type Scorecard, type ScorecardItem, type StrategyMap, type StrategyMapNode } from './scorecard';
export { getKpiSeries, type KpiSeries, type PaceDto, type SeriesPointView, type YtdView } from './kpi-series';
export { getUnitDashboard, type UnitDashboard, type UnitKpiView, type UnitRow } from './unit-dashboard';
export { getUnitKpis, type UnitKpis } from './unit-kpis';
export { requireReadScope } from './scope';
export { loadPeriodFacts } from './load-period';
