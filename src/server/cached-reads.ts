import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedReadContext } from '../app/cache/cached-response';
import { ReadCache } from '../app/cache/read-cache';
import type { ResponseBody } from '../app/cache/response-body';
import { requireActor, type ServerDeps } from './context';
import { readStore } from './read-replica';

/** One read cache per app (per `deps`), shared by every route that caches. */
const caches = new WeakMap<ServerDeps, ReadCache>();

/**
 * A cached read's context for this request: the store it reads (the replica when `replica` and it may serve, else the
 * primary) and, on the primary, the data version the session check already read this request.
 */
export async function cachedReadContext(deps: ServerDeps, req: FastifyRequest, options: { replica: boolean }): Promise<CachedReadContext> {
  let cache = caches.get(deps);
  if (cache === undefined) caches.set(deps, (cache = new ReadCache()));
  const store = options.replica ? await readStore(deps, req) : deps.store;
  return { cache, store, actor: requireActor(req), now: deps.now(), version: store === deps.store ? (req.dataVersion ?? undefined) : undefined };
}

/** Sends a response the cache kept (checked against the route's schema when it was made), gzipped when the client takes it. */
export function sendCached(req: FastifyRequest, reply: FastifyReply, body: ResponseBody) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(body.gzip());
  return reply.send(body.text);
}
