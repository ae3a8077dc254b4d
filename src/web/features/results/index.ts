export { default as KpiResultsTab } from './KpiResultsTab';
export { MyKpis } from './MyKpis';
export { PeriodPicker, currentMonthKey } from './PeriodPicker';
export { RAG_BG, RAG_COLOR, RAG_TAG, formatAchievement, formatValueCompact, ragOf } from './display';
export { browserToday, kindOfFrequency, periodChoices, periodKeyOf, periodLabel } from './periods';
export { resultsKeys, useScorecard, useSeries, useStrategyMap, useUnitDashboard } from './queries';
export type * from './types';
export { usePeriodParam } from './use-period-param';
