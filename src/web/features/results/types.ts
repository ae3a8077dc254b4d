import type { z } from 'zod';
import type { Actual, ActualVersionList, ApiToken, CreatedApiToken, EvidenceFile } from '../../../contract/actuals';
import type { KpiSeries, Pace, Scorecard, StrategyMap, StrategyMapNode, UnitDashboard, UnitKpis } from '../../../contract/evaluation';

// Types only: the zod schemas stay out of the web bundle.
export type ActualT = z.infer<typeof Actual>;
export type EvidenceFileT = z.infer<typeof EvidenceFile>;
export type ActualVersionT = z.infer<typeof ActualVersionList>['items'][number];
export type KpiSeriesT = z.infer<typeof KpiSeries>;
export type SeriesPointT = KpiSeriesT['points'][number];
export type PaceT = z.infer<typeof Pace>;
export type ScorecardT = z.infer<typeof Scorecard>;
export type ScorecardItemT = ScorecardT['items'][number];
export type StrategyMapT = z.infer<typeof StrategyMap>;
export type StrategyNodeT = StrategyMapNode;
export type UnitDashboardT = z.infer<typeof UnitDashboard>;
export type UnitRowT = UnitDashboardT['units'][number];
export type UnitKpisT = z.infer<typeof UnitKpis>;
export type ApiTokenT = z.infer<typeof ApiToken>;
export type CreatedApiTokenT = z.infer<typeof CreatedApiToken>;
export type RagStatus = 'green' | 'amber' | 'red' | 'none';
/** `company`, `unit:<id>` or `person:<id>` as the API takes it in query strings. */
export type ScopeText = string;
