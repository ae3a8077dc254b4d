import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../app/ports';
import { sessionCookieOptions, type ServerDeps } from './context';

/**
 * A streaming replica for dashboard and report reads (DATABASE_READ_URL, docs/scaling.md). The rule:
 * - only the routes that ask `readStore` (unit dashboard, scorecard and my KPIs, the scorecard report) may read
 *   the replica; everything else, and every write, uses the primary;
 * - after a successful write request the response carries the primary's WAL position in a cookie; a read
 *   from that browser goes to the replica only once the replica has replayed that far (read-your-own-writes
 *   on every instance, with no state kept in any process);
 * - the replica is skipped while it is not streaming or lags (see `replicaServes`), or when it cannot be reached.
 */
export interface ReadReplica {
  /** The storage port over the replica (reads only). */
  store: Store;
  /** The primary's WAL position now. */
  writePosition(): Promise<string>;
  /** Whether the replica may answer a reader who wrote at `wrotePosition` (null: wrote nothing). */
  serves(wrotePosition: string | null): Promise<boolean>;
}

export const WROTE_COOKIE = 'okpi_wrote';
/** A WAL position as PostgreSQL prints it (`16/B374D848`). */
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** After each successful write request: remember in the browser how far the primary's WAL had come. */
export function registerWritePosition(app: FastifyInstance, deps: ServerDeps): void {
  const replica = deps.readReplica;
  if (!replica) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (READ_METHODS.has(request.method) || reply.statusCode >= 400) return payload;
    try {
      // Fastify appends a set-cookie header to the ones already set.
      reply.header('set-cookie', app.serializeCookie(WROTE_COOKIE, await replica.writePosition(), sessionCookieOptions(deps)));
    } catch (err) {
      request.log.warn({ err }, 'could not read the primary WAL position; the next reads may come from a lagging replica');
    }
    return payload;
  });
}

/** The store a dashboard or report read uses: the replica when it may answer this reader, else the primary. */
export async function readStore(deps: ServerDeps, request: FastifyRequest): Promise<Store> {
  const replica = deps.readReplica;
  if (!replica) return deps.store;
  const cookie = request.cookies[WROTE_COOKIE];
  if (cookie !== undefined && !LSN.test(cookie)) return deps.store;
  try {
    return (await replica.serves(cookie ?? null)) ? replica.store : deps.store;
  } catch (err) {
    request.log.warn({ err }, 'read replica unreachable; reading from the primary');
    return deps.store;
  }
}
