import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cachedScorecard, cachedUnitDashboard, cachedUnitKpis, type CachedReadContext } from '../../app/cache/cached-evaluation';
import { ReadCache } from '../../app/cache/read-cache';
import type { ResponseBody } from '../../app/cache/response-body';
import { getKpiSeries, getStrategyMap } from '../../app/evaluation';
import { parseScope } from '../../app/scope';
import { KpiSeries, Scorecard, ScorecardQuery, SeriesParams, SeriesQuery, StrategyMap, StrategyMapQuery, UnitDashboard, UnitDashboardQuery, UnitKpis, UnitKpisParams, UnitKpisQuery } from '../../contract/evaluation';
import { requireActor, type ServerDeps } from '../context';
import { readStore } from '../read-replica';

/** Sends a response the cache kept (checked against the route's schema when it was made), gzipped when the client takes it. */
function json(req: FastifyRequest, reply: FastifyReply, body: ResponseBody) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(body.gzip());
  return reply.send(body.text);
}

/** Where we stand: scorecard, strategy map, one KPI over time, and the unit dashboard. */
export function evaluationRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  const cache = new ReadCache();
  /** A cached read's context: the replica or the primary, and the primary's version already read by the session check. */
  const cached = async (req: FastifyRequest): Promise<CachedReadContext> => {
    const store = await readStore(deps, req);
    return { cache, store, actor: requireActor(req), now: deps.now(), version: store === deps.store ? (req.dataVersion ?? undefined) : undefined };
  };
  return async (app) => {
    app.get('/scorecard', { schema: { tags: ['evaluation'], querystring: ScorecardQuery, response: { 200: Scorecard } } }, async (req, reply) =>
      json(req, reply, await cachedScorecard(await cached(req), { period: req.query.period, scope: parseScope(req.query.scope) }, (v) => JSON.stringify(Scorecard.parse(v)))),
    );
    app.get('/strategy-map', { schema: { tags: ['evaluation'], querystring: StrategyMapQuery, response: { 200: StrategyMap } } }, async (req) =>
      getStrategyMap(store, requireActor(req), { period: req.query.period, now: deps.now() }),
    );
    app.get(
      '/kpis/:code/series',
      { schema: { tags: ['evaluation'], params: SeriesParams, querystring: SeriesQuery, response: { 200: KpiSeries } } },
      async (req) =>
        getKpiSeries(store, requireActor(req), {
          code: req.params.code,
          from: req.query.from,
          to: req.query.to,
          scope: parseScope(req.query.scope),
          now: deps.now(),
        }),
    );
    app.get('/dashboard/units', { schema: { tags: ['evaluation'], querystring: UnitDashboardQuery, response: { 200: UnitDashboard } } }, async (req, reply) =>
      json(req, reply, await cachedUnitDashboard(await cached(req), { period: req.query.period, unitId: req.query.unit, kpis: req.query.kpis }, (v) => JSON.stringify(UnitDashboard.parse(v)))),
    );
    app.get('/dashboard/units/:id/kpis', { schema: { tags: ['evaluation'], params: UnitKpisParams, querystring: UnitKpisQuery, response: { 200: UnitKpis } } }, async (req, reply) =>
      json(req, reply, await cachedUnitKpis(await cached(req), { period: req.query.period, unitId: req.params.id }, (v) => JSON.stringify(UnitKpis.parse(v)))),
    );
  };
}
