import { companyToday } from '../../core/actuals';
import type { Actor } from '../actor';
import { getCompany } from '../company/company';
import { getScorecard, getUnitDashboard, getUnitKpis, type Scorecard, type UnitDashboard, type UnitKpis } from '../evaluation';
import type { Store, TargetScope } from '../ports';
import { scopeKey } from '../scope';
import { readKey, type ReadCache } from './read-cache';
import { ResponseBody } from './response-body';

// Entries are the response text (`present`) and its gzip: a hit skips the recompute, the serialization and the compression.
// A period still running is judged against expected-to-date targets, so the company's today is part of each key.

/** Where and when a cached read runs: `version` is the store's data version when the caller already read it this request. */
export interface CachedReadContext {
  cache: ReadCache;
  store: Store;
  actor: Actor;
  now: Date;
  version?: string | undefined;
}

/** The company (for its time zone) is kept like any read: the same for every user, and versioned with the data. */
const COMPANY_KEY = readKey('company', 0);

async function cachedResponse(c: CachedReadContext, read: string, parts: (string | number | undefined)[], compute: () => Promise<string>): Promise<ResponseBody> {
  const company = await c.cache.read(c.store, COMPANY_KEY, () => getCompany(c.store), c.version);
  const today = companyToday(company, c.now);
  return c.cache.read(c.store, readKey(read, c.actor.user.id, ...parts, today), async () => new ResponseBody(await compute()), c.version);
}

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
