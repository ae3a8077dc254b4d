import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cachedScorecard, cachedUnitDashboard, cachedUnitKpis } from '../../app/cache/cached-evaluation';
import { getKpiSeries, getStrategyMap } from '../../app/evaluation';
import { parseScope } from '../../app/scope';
import { KpiSeries, Scorecard, ScorecardQuery, SeriesParams, SeriesQuery, StrategyMap, StrategyMapQuery, UnitDashboard, UnitDashboardQuery, UnitKpis, UnitKpisParams, UnitKpisQuery } from '../../contract/evaluation';
import { requireActor, type ServerDeps } from '../context';
import { cachedReadContext, sendCached } from '../cached-reads';

/** Where we stand: scorecard, strategy map, one KPI over time, and the unit dashboard. */
export function evaluationRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  const cached = (req: FastifyRequest) => cachedReadContext(deps, req, { replica: true });
  return async (app) => {
    app.get('/scorecard', { schema: { tags: ['evaluation'], querystring: ScorecardQuery, response: { 200: Scorecard } } }, async (req, reply) =>
      sendCached(req, reply, await cachedScorecard(await cached(req), { period: req.query.period, scope: parseScope(req.query.scope) }, (v) => JSON.stringify(Scorecard.parse(v)))),
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
      sendCached(req, reply, await cachedUnitDashboard(await cached(req), { period: req.query.period, unitId: req.query.unit, kpis: req.query.kpis }, (v) => JSON.stringify(UnitDashboard.parse(v)))),
    );
    app.get('/dashboard/units/:id/kpis', { schema: { tags: ['evaluation'], params: UnitKpisParams, querystring: UnitKpisQuery, response: { 200: UnitKpis } } }, async (req, reply) =>
      sendCached(req, reply, await cachedUnitKpis(await cached(req), { period: req.query.period, unitId: req.params.id }, (v) => JSON.stringify(UnitKpis.parse(v)))),
    );
  };
}
