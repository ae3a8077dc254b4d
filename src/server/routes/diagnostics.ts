import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createActionPlan, deleteActionPlan, exportPareto, getDrivers, getPareto, listMisses, recordReasons, updateActionPlan } from '../../app/diagnostics';
import { parseScope, toScope } from '../../app/scope';
import {
  Deleted,
  Drivers,
  DriversParams,
  DriversQuery,
  Misses,
  MissesQuery,
  Pareto,
  ParetoQuery,
  PlanCreateBody,
  PlanInput,
  PlanParams,
  PlanResult,
  ReasonsBody,
  ReasonsResult,
} from '../../contract/diagnostics';
import { requireActor, type ServerDeps } from '../context';
import { attachmentHeader } from './actuals';

const tags = ['diagnostics'];

/** Why KPIs were missed: reasons, suggestions, action plans, driver decomposition, the Pareto view and its XLSX. */
export function diagnosticsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    app.get('/diagnostics/misses', { schema: { tags, querystring: MissesQuery, response: { 200: Misses } } }, async (req) =>
      listMisses(store, requireActor(req), { period: req.query.period, scope: parseScope(req.query.scope), now: deps.now() }),
    );
    app.put('/diagnostics/reasons', { schema: { tags, body: ReasonsBody, response: { 200: ReasonsResult } } }, async (req) => {
      const { kpi, scope, period, reasons } = req.body;
      const item = await recordReasons(store, requireActor(req), { kpi, scope: toScope(scope), period, reasons, now: deps.now() });
      return { item };
    });
    app.post('/diagnostics/action-plans', { schema: { tags, body: PlanCreateBody, response: { 201: PlanResult } } }, async (req, reply) => {
      const { reasonId, ...plan } = req.body;
      const created = await createActionPlan(store, requireActor(req), reasonId, plan);
      reply.code(201);
      return { plan: created };
    });
    app.put('/diagnostics/action-plans/:id', { schema: { tags, params: PlanParams, body: PlanInput, response: { 200: PlanResult } } }, async (req) => ({
      plan: await updateActionPlan(store, requireActor(req), req.params.id, req.body),
    }));
    app.delete('/diagnostics/action-plans/:id', { schema: { tags, params: PlanParams, response: { 200: Deleted } } }, async (req) => {
      await deleteActionPlan(store, requireActor(req), req.params.id);
      return { ok: true as const };
    });
    app.get('/diagnostics/pareto', { schema: { tags, querystring: ParetoQuery, response: { 200: Pareto } } }, async (req) =>
      getPareto(store, requireActor(req), { period: req.query.period, unitId: req.query.unit }),
    );
    app.get(
      '/diagnostics/pareto.xlsx',
      {
        config: { download: 'The Pareto of miss reasons (XLSX): reasons, the KPIs behind them and open action plans you may read.' },
        schema: { tags, querystring: ParetoQuery, response: { 200: z.any() } },
      },
      async (req, reply) => {
        const file = await exportPareto(store, requireActor(req), { period: req.query.period, unitId: req.query.unit }, req.query.lang ?? req.lang);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachmentHeader(file.fileName))
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );
    app.get('/kpis/:code/drivers', { schema: { tags, params: DriversParams, querystring: DriversQuery, response: { 200: Drivers } } }, async (req) =>
      getDrivers(store, requireActor(req), { code: req.params.code, period: req.query.period, scope: parseScope(req.query.scope), now: deps.now() }),
    );
  };
}
