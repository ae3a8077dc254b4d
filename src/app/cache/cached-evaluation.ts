import type { Actor } from '../actor';
import { getScorecard, getUnitDashboard, getUnitKpis, type Scorecard, type UnitDashboard, type UnitKpis } from '../evaluation';
import { todayOf } from '../evaluation/opening-period';
import type { Store, TargetScope } from '../ports';
import { scopeKey } from '../scope';
import { readKey, type ReadCache } from './read-cache';
import { ResponseBody } from './response-body';

// Entries are the response text (`present`) and its gzip: a hit skips the recompute, the serialization and the compression.
// A period still running is judged against expected-to-date targets, so the company's today is part of each key.

/** `getScorecard` (also "my KPIs": a person scope) through the read cache. */
export async function cachedScorecard(cache: ReadCache, store: Store, actor: Actor, q: { period?: string | undefined; scope: TargetScope; now: Date }, present: (s: Scorecard) => string): Promise<ResponseBody> {
  const today = await todayOf(store, q.now);
  return cache.read(store, readKey('scorecard', actor.user.id, q.period, scopeKey(q.scope), today), async () => new ResponseBody(present(await getScorecard(store, actor, q))));
}

/** `getUnitDashboard` through the read cache. */
export async function cachedUnitDashboard(cache: ReadCache, store: Store, actor: Actor, q: { period?: string | undefined; unitId?: number | undefined; kpis?: 'all' | 'none' | undefined; now: Date }, present: (d: UnitDashboard) => string): Promise<ResponseBody> {
  const today = await todayOf(store, q.now);
  return cache.read(store, readKey('unit-dashboard', actor.user.id, q.period, q.unitId, q.kpis ?? 'all', today), async () => new ResponseBody(present(await getUnitDashboard(store, actor, q))));
}

/** `getUnitKpis` (one unit's rows of the dashboard) through the read cache. */
export async function cachedUnitKpis(cache: ReadCache, store: Store, actor: Actor, q: { period?: string | undefined; unitId: number; now: Date }, present: (d: UnitKpis) => string): Promise<ResponseBody> {
  const today = await todayOf(store, q.now);
  return cache.read(store, readKey('unit-kpis', actor.user.id, q.period, q.unitId, today), async () => new ResponseBody(present(await getUnitKpis(store, actor, q))));
}
