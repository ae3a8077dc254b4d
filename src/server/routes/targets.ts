import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cascadeTarget, checkTargetSums, listKpiTargets, setScopeTargets } from '../../app/kpi/targets';
import { toScope } from '../../app/scope';
import { CascadeBody, CascadeResult, CodeParams, SetTargetsBody, SumCheck, SumCheckQuery, TargetList, TargetsQuery } from '../../contract/kpi';
import { requireActor, type ServerDeps } from '../context';

/** Targets per scope, cascades down the org tree, and the sum check. */
export function targetRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    app.get('/kpis/:code/targets', { schema: { tags: ['targets'], params: CodeParams, querystring: TargetsQuery, response: { 200: TargetList } } }, async (req) => ({
      items: await listKpiTargets(store, requireActor(req), req.params.code, req.query),
    }));
    app.put('/kpis/:code/targets', { schema: { tags: ['targets'], params: CodeParams, body: SetTargetsBody, response: { 200: TargetList } } }, async (req) => ({
      items: await setScopeTargets(store, requireActor(req), req.params.code, toScope(req.body.scope), req.body.targets),
    }));
    app.post('/kpis/:code/cascade', { schema: { tags: ['targets'], params: CodeParams, body: CascadeBody, response: { 200: CascadeResult } } }, async (req) =>
      cascadeTarget(store, requireActor(req), req.params.code, {
        period: req.body.period,
        from: toScope(req.body.from, 'from'),
        to: req.body.to.map((c, i) => ({ scope: toScope(c.scope, `to.${i}.scope`), weight: c.weight })),
        step: req.body.step,
      }),
    );
    app.get('/kpis/:code/target-check', { schema: { tags: ['targets'], params: CodeParams, querystring: SumCheckQuery, response: { 200: SumCheck } } }, async (req) =>
      checkTargetSums(store, requireActor(req), req.params.code, req.query.period),
    );
  };
}
