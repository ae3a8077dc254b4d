import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actualVersions, addEvidence, checkIn, getEvidence, listActuals } from '../../app/actuals';
import { parseScope } from '../../app/scope';
import { MAX_EVIDENCE_BYTES } from '../../core/actuals';
import { DomainError } from '../../core/errors';
import { IdParams } from '../../contract/common';
import { Actual, ActualList, ActualsQuery, ActualVersionList, CheckInBody, EvidenceFile, KpiCodeParams } from '../../contract/actuals';
import { requireActor, type ServerDeps } from '../context';
import { API_CSP } from '../security-headers';

/** `attachment` with an ASCII fallback name and the real name in RFC 5987 form. */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%]/g, '_') || 'evidence';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function actualRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    app.post(
      '/kpis/:code/checkins',
      { schema: { tags: ['actuals'], params: KpiCodeParams, body: CheckInBody, response: { 200: Actual } } },
      async (req) => checkIn(store, requireActor(req), deps.now(), req.params.code, req.body),
    );

    app.get(
      '/kpis/:code/actuals',
      { schema: { tags: ['actuals'], params: KpiCodeParams, querystring: ActualsQuery, response: { 200: ActualList } } },
      async (req) => ({
        items: await listActuals(store, requireActor(req), req.params.code, {
          scope: parseScope(req.query.scope),
          from: req.query.from,
          to: req.query.to,
        }),
      }),
    );

    app.get('/actuals/:id/versions', { schema: { tags: ['actuals'], params: IdParams, response: { 200: ActualVersionList } } }, async (req) => ({
      items: await actualVersions(store, requireActor(req), req.params.id),
    }));

    app.post(
      '/actuals/:id/evidence',
      { config: { upload: { file: 'Evidence file (PDF, image, spreadsheet, CSV or text).' } }, schema: { tags: ['actuals'], params: IdParams, consumes: ['multipart/form-data'], response: { 201: EvidenceFile } } },
      async (req, reply) => {
        const actor = requireActor(req);
        const file = await req.file({ limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } });
        if (!file || file.fieldname !== 'file') {
          throw new DomainError('VALIDATION_FAILED', { vi: 'Hãy chọn một tệp minh chứng.', en: 'Choose an evidence file.' }, {
            issues: [{ path: 'file', code: 'required', message: { vi: 'Trường "file" là bắt buộc.', en: 'Field "file" is required.' } }],
          });
        }
        const data = await file.toBuffer();
        return reply.status(201).send(await addEvidence(store, actor, req.params.id, { fileName: file.filename, data }));
      },
    );

    app.get('/evidence/:id', { config: { download: 'The evidence file as uploaded, as an attachment.' }, schema: { tags: ['actuals'], params: IdParams, response: { 200: z.any() } } }, async (req, reply) => {
      const file = await getEvidence(store, requireActor(req), req.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentHeader(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', API_CSP)
        .header('cache-control', 'private, no-store')
        .send(file.data);
    });
  };
}
