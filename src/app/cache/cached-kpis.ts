import { listKpis } from '../kpi/read-kpis';
import type { KpiFilter } from '../ports';
import { cachedResponse, type CachedReadContext } from './cached-response';
import type { ResponseBody } from './response-body';

type KpiList = { items: Awaited<ReturnType<typeof listKpis>> };

/**
 * The KPI library with each KPI's SMART summary, through the read cache: checking every KPI needs every person and
 * KPI code, which cost a full read of the people per request (10,000 rows for a company of 10,000).
 */
export function cachedKpiList(c: CachedReadContext, filter: KpiFilter, present: (list: KpiList) => string): Promise<ResponseBody> {
  // Every field of the filter is in the key, whatever fields it has.
  const parts = [JSON.stringify(Object.entries(filter).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)))];
  return cachedResponse(c, 'kpi-list', parts, async () => present({ items: await listKpis(c.store, c.actor, filter) }));
}
