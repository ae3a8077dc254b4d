import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cachedKpiList } from '../../app/cache/cached-kpis';
import { getKpi, previewSmart } from '../../app/kpi/read-kpis';
import { archiveKpi, createKpi, updateKpi, type KpiInput } from '../../app/kpi/save-kpi';
import { listTemplates } from '../../core/kpi';
import { CodeParams, KpiBody, KpiDetail, KpiDraftBody, KpiList, KpiListQuery, KpiSaved, SmartPreview, TemplateList } from '../../contract/kpi';
import { z } from 'zod';
import { COMPANY, policy } from '../../app/policy';
import { cachedReadContext, sendCached } from '../cached-reads';
import { requireActor, type ServerDeps } from '../context';

type Body = z.infer<typeof KpiBody>;
type Draft = z.infer<typeof KpiDraftBody>;

function toInput(b: Body): KpiInput {
  const { nameEn, description, descriptionEn, group, formula, targets, ...rest } = b;
  return {
    ...rest,
    ...(nameEn && { nameEn }),
    ...(description && { description }),
    ...(descriptionEn && { descriptionEn }),
    group: group ?? null,
    formula: formula ?? null,
    targets,
  };
}

/** Fills what a half-typed form lacks, so the SMART check can say what is missing. */
function draftInput(d: Draft): KpiInput {
  return toInput({
    code: d.code || 'NEW_KPI',
    name: d.name ?? '',
    level: d.level ?? 'operational',
    perspective: d.perspective ?? 'financial',
    unit: d.unit ?? null,
    direction: d.direction ?? 'increase',
    aggregation: d.aggregation ?? 'sum',
    frequency: d.frequency ?? null,
    source: d.source ?? null,
    ownerId: d.ownerId ?? null,
    measurerId: d.measurerId ?? null,
    reportWithinDays: d.reportWithinDays ?? null,
    baseline: d.baseline ?? null,
    parents: d.parents ?? [],
    tags: d.tags ?? [],
    status: d.status ?? 'draft',
    ...d,
  } as Body);
}

export function kpiRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    app.get('/kpis', { schema: { tags: ['kpi'], querystring: KpiListQuery, response: { 200: KpiList } } }, async (req, reply) => {
      const { q, ...filter } = req.query;
      const context = await cachedReadContext(deps, req, { replica: false });
      return sendCached(req, reply, await cachedKpiList(context, { ...filter, search: q }, (v) => JSON.stringify(KpiList.parse(v))));
    });
    app.get('/kpis/:code', { schema: { tags: ['kpi'], params: CodeParams, response: { 200: KpiDetail } } }, async (req) =>
      getKpi(store, requireActor(req), req.params.code),
    );
    app.post('/kpis', { schema: { tags: ['kpi'], body: KpiBody, response: { 201: KpiSaved } } }, async (req, reply) =>
      reply.status(201).send(await createKpi(store, requireActor(req), toInput(req.body))),
    );
    app.put('/kpis/:code', { schema: { tags: ['kpi'], params: CodeParams, body: KpiBody, response: { 200: KpiSaved } } }, async (req) =>
      updateKpi(store, requireActor(req), req.params.code, toInput(req.body)),
    );
    app.post('/kpis/:code/archive', { schema: { tags: ['kpi'], params: CodeParams, response: { 200: KpiSaved.pick({ kpi: true }) } } }, async (req) => ({
      kpi: await archiveKpi(store, requireActor(req), req.params.code),
    }));
    app.post('/kpis/smart-check', { schema: { tags: ['kpi'], body: KpiDraftBody, response: { 200: SmartPreview } } }, async (req) => {
      policy.require(requireActor(req), 'kpi.read', COMPANY);
      return previewSmart(store, draftInput(req.body));
    });
    app.get('/kpi-templates', { schema: { tags: ['kpi'], response: { 200: TemplateList } } }, async (req) => {
      policy.require(requireActor(req), 'kpi.read', COMPANY);
      return { items: listTemplates().map((t) => ({ ...t })) };
    });
  };
}
