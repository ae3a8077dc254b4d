import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { kpiRows } from '../../app/kpi-binding/kpi-rows';
import { checkBinding, getBinding, recomputeKpi, saveBinding } from '../../app/kpi-binding/save-binding';
import { parseScope } from '../../app/scope';
import { CodeParams } from '../../contract/kpi';
import { KpiBindingBody, KpiBindingCheck, KpiBindingSaved, KpiBindingView, KpiRows, KpiRowsQuery, RecomputeResult } from '../../contract/kpi-binding';
import { requireActor, type ServerDeps } from '../context';

/** KPIs bound to data: the binding (read, live check, save), recompute on demand, and the rows behind a number. */
export function kpiBindingRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    const schema = { tags: ['kpi'], params: CodeParams };
    app.get('/kpis/:code/binding', { schema: { ...schema, response: { 200: KpiBindingView } } }, async (req) => ({
      binding: await getBinding(store, requireActor(req), req.params.code),
    }));
    app.put('/kpis/:code/binding', { schema: { ...schema, body: KpiBindingBody, response: { 200: KpiBindingSaved } } }, async (req) =>
      saveBinding(store, requireActor(req), req.params.code, req.body),
    );
    app.post('/kpis/:code/binding/check', { schema: { ...schema, body: KpiBindingBody, response: { 200: KpiBindingCheck } } }, async (req) =>
      checkBinding(store, requireActor(req), req.params.code, req.body),
    );
    app.post('/kpis/:code/recompute', { schema: { ...schema, response: { 200: RecomputeResult } } }, async (req) => recomputeKpi(store, requireActor(req), req.params.code));
    app.get('/kpis/:code/rows', { schema: { ...schema, querystring: KpiRowsQuery, response: { 200: KpiRows } } }, async (req) => {
      const { period, scope, offset, limit } = req.query;
      return kpiRows(store, requireActor(req), req.params.code, { period, scope: parseScope(scope), offset, limit });
    });
  };
}
