import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { renderCycleReports, renderScorecardReport, renderSheetReport, type ReportFile } from '../../app/reports';
import { parseScope } from '../../app/scope';
import { CycleReportsParams, CycleReportsQuery, ScorecardReportQuery, SheetReportParams, SheetReportQuery } from '../../contract/reports';
import { requireActor, type ServerDeps } from '../context';
import { readStore } from '../read-replica';
import { attachmentHeader } from './actuals';

function sendFile(reply: FastifyReply, file: ReportFile) {
  return reply.header('content-type', file.contentType).header('content-disposition', attachmentHeader(file.fileName)).header('cache-control', 'private, no-store').send(file.data);
}

/** Reports as files: the scorecard and evaluation sheets as XLSX and PDF (docs/reports.md). */
export function reportRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store, now } = deps;
  return async (app) => {
    app.get(
      '/reports/scorecard',
      {
        config: { download: 'The scorecard of a scope and period (XLSX or PDF); tree=true adds one sheet per unit below.' },
        schema: { tags: ['reports'], querystring: ScorecardReportQuery, response: { 200: z.any() } },
      },
      async (req, reply) => {
        const q = req.query;
        const file = await renderScorecardReport(await readStore(deps, req), requireActor(req), {
          period: q.period,
          scope: parseScope(q.scope),
          format: q.format,
          lang: q.lang ?? req.lang,
          unitTree: q.tree === 'true',
          now: now(),
        });
        return sendFile(reply, file);
      },
    );
    app.get(
      '/appraisal/sheets/:id/report',
      {
        config: { download: 'One evaluation sheet (XLSX or PDF), as its reader may see it.' },
        schema: { tags: ['reports'], params: SheetReportParams, querystring: SheetReportQuery, response: { 200: z.any() } },
      },
      async (req, reply) => sendFile(reply, await renderSheetReport(store, requireActor(req), req.params.id, req.query.format, req.query.lang ?? req.lang, now())),
    );
    app.get(
      '/appraisal/cycles/:id/reports',
      {
        config: { download: "A zip of the cycle's evaluation sheets the caller may read, one file per person (optionally a unit and its sub-units)." },
        schema: { tags: ['reports'], params: CycleReportsParams, querystring: CycleReportsQuery, response: { 200: z.any() } },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await renderCycleReports(store, requireActor(req), { cycleId: req.params.id, unitId: req.query.unit, format: req.query.format, lang: req.query.lang ?? req.lang, now: now() }),
        ),
    );
  };
}
