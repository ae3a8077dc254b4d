import { companyToday } from '../../core/actuals';
import type { Actor } from '../actor';
import { getCompany } from '../company/company';
import type { Store } from '../ports';
import { readKey, type ReadCache } from './read-cache';
import { ResponseBody } from './response-body';

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

/**
 * A response through the read cache: its text (`compute`, already checked against the route's schema) and its gzip,
 * so a hit skips the recompute, the serialization and the compression. A period still running is judged against
 * expected-to-date targets, so the company's today is part of every key.
 */
export async function cachedResponse(c: CachedReadContext, read: string, parts: (string | number | undefined)[], compute: () => Promise<string>): Promise<ResponseBody> {
  const company = await c.cache.read(c.store, COMPANY_KEY, () => getCompany(c.store), c.version);
  const today = companyToday(company, c.now);
  return c.cache.read(c.store, readKey(read, c.actor.user.id, ...parts, today), async () => new ResponseBody(await compute()), c.version);
}
