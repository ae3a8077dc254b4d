import { getScorecard, getUnitDashboard, getUnitKpis, type Scorecard, type UnitDashboard, type UnitKpis } from '../evaluation';
import type { TargetScope } from '../ports';
import { scopeKey } from '../scope';
import { cachedResponse, type CachedReadContext } from './cached-response';
import type { ResponseBody } from './response-body';

/** `getScorecard` (also "my KPIs": a person scope) through the read cache. */
export function cachedScorecard(c: CachedReadContext, q: { period?: string | undefined; scope: TargetScope }, present: (s: Scorecard) => string): Promise<ResponseBody> {
  return cachedResponse(c, 'scorecard', [q.period, scopeKey(q.scope)], async () => present(await getScorecard(c.store, c.actor, { ...q, now: c.now })));
}

/** `getUnitDashboard` through the read cache. */
export function cachedUnitDashboard(c: CachedReadContext, q: { period?: string | undefined; unitId?: number | undefined; kpis?: 'all' | 'none' | undefined }, present: (d: UnitDashboard) => string): Promise<ResponseBody> {
  return cachedResponse(c, 'unit-dashboard', [q.period, q.unitId, q.kpis ?? 'all'], async () => present(await getUnitDashboard(c.store, c.actor, { ...q, now: c.now })));
}

/** `getUnitKpis` (one unit's rows of the dashboard) through the read cache. */
export function cachedUnitKpis(c: CachedReadContext, q: { period?: string | undefined; unitId: number }, present: (d: UnitKpis) => string): Promise<ResponseBody> {
  return cachedResponse(c, 'unit-kpis', [q.period, q.unitId], async () => present(await getUnitKpis(c.store, c.actor, { ...q, now: c.now })));
}
