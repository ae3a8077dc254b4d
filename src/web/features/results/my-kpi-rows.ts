import type { KpiListItemT } from '../kpi/types';
import type { KpiSeriesT, PaceT, ScopeText, ScorecardT } from './types';

export interface MyKpiRow {
  kpi: KpiListItemT;
  /** `person:<id>` for a personal target, `company` for a KPI the person owns or measures. */
  scope: ScopeText;
  personal: boolean;
  roles: ('owner' | 'measurer')[];
}

/**
 * The rows of "KPI của tôi": first every KPI where the person has a target of their own (any of the
 * person-scope scorecards has one), then the KPIs they own or measure at company scope. A KPI can be in
 * both: his 36 tỷ share of the revenue, and the company revenue he measures.
 */
export function myKpiRows(kpis: readonly KpiListItemT[], personId: number | null, personCards: readonly (ScorecardT | undefined)[]): MyKpiRow[] {
  if (personId === null) return [];
  const byCode = new Map(kpis.map((k) => [k.code, k] as const));
  const personal = new Set<string>();
  for (const card of personCards) for (const item of card?.items ?? []) if (item.target !== null && byCode.has(item.code)) personal.add(item.code);
  const rolesOf = (k: KpiListItemT) => [...(k.ownerId === personId ? (['owner'] as const) : []), ...(k.measurerId === personId ? (['measurer'] as const) : [])];
  const personRows = kpis.filter((k) => personal.has(k.code)).map((kpi) => ({ kpi, scope: `person:${personId}`, personal: true, roles: [] }));
  const responsible = kpis
    .filter((k) => k.ownerId === personId || k.measurerId === personId)
    .map((kpi) => ({ kpi, scope: 'company', personal: false, roles: rolesOf(kpi) }));
  return [...personRows, ...responsible];
}

/** The pace a row shows: this period's when it has a target, else the year's (a yearly personal target). */
export function paceToShow(series: Pick<KpiSeriesT, 'pace'>): PaceT | null {
  return series.pace.period ?? series.pace.year;
}
