import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getOverview } from '../../app/evaluation/overview';
import { Overview, OverviewQuery } from '../../contract/overview';
import { requireActor, type ServerDeps } from '../context';

/** The home overview of admins and managers: late reports and targets not fully allocated, within their reach. */
export function overviewRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/overview', { schema: { tags: ['evaluation'], querystring: OverviewQuery, response: { 200: Overview } } }, async (req) =>
      getOverview(deps.store, requireActor(req), { period: req.query.period, now: deps.now() }),
    );
  };
}
