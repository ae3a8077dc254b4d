import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importActuals, type ImportPhase } from '../../app/actuals/import-actuals';
import { previewActualsImport } from '../../app/actuals/import-preview';
import { writableUnits } from '../../app/actuals/import-lookups';
import { DomainError, issue, type Issue, type Lang } from '../../core/errors';
import type { ColumnMapping as Mapping } from '../../core/import';
import { ColumnMapping, ImportActualsQuery, ImportActualsResult, ImportPreview, PreviewActualsQuery } from '../../contract/actuals-import';
import { requireActor, type ServerDeps } from '../context';
import { readingUpload } from './upload-body';

const invalid = (path: string, code: string, vi: string, en: string) =>
  new DomainError('VALIDATION_FAILED', { vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' }, { issues: [issue(path, code, vi, en)] });

const LOG_EVERY = 100_000;

const ACTUALS_UPLOAD = {
  file: 'CSV or XLSX file of actuals (one row per KPI and period).',
  fields: { mapping: 'Optional JSON column mapping: { "kpi": "<header>", "period": "<header>", … }.' },
};

/** A long import leaves a trace in the log: each phase every 100,000 rows and when it ends. */
function logProgress(log: FastifyBaseLogger) {
  const next = new Map<ImportPhase, number>();
  return (phase: ImportPhase, done: number, total: number) => {
    if (done < (next.get(phase) ?? 0) && done < total) return;
    next.set(phase, done + LOG_EVERY);
    log.info({ phase, done, total }, 'actuals import progress');
  };
}

/** Reads the multipart body: the `file` part and an optional `mapping` field (JSON), in any order. */
async function readUpload(req: FastifyRequest): Promise<{ name: string; data: Buffer; mapping: Mapping | undefined }> {
  let file: { name: string; data: Buffer } | undefined;
  let mappingText: string | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        await part.toBuffer();
        continue;
      }
      file = { name: part.filename, data: await part.toBuffer() };
    } else if (part.fieldname === 'mapping' && typeof part.value === 'string') {
      mappingText = part.value;
    }
  }
  if (!file) throw invalid('file', 'required', 'Hãy chọn một tệp CSV hoặc XLSX (trường "file").', 'Choose a CSV or XLSX file (field "file").');
  let mapping: Mapping | undefined;
  if (mappingText !== undefined && mappingText.trim() !== '') {
    let json: unknown;
    try {
      json = JSON.parse(mappingText);
    } catch {
      throw invalid('mapping', 'invalid_json', 'Trường "mapping" phải là JSON.', 'The "mapping" field must be JSON.');
    }
    const parsed = ColumnMapping.safeParse(json);
    if (!parsed.success) {
      throw invalid('mapping', 'invalid', 'Ánh xạ cột không hợp lệ: { "kpi": "<tiêu đề>", "period": "<tiêu đề>", … }.', 'Invalid column mapping: { "kpi": "<header>", "period": "<header>", … }.');
    }
    mapping = parsed.data;
  }
  return { ...file, mapping };
}

const present = (issues: Issue[], lang: Lang) =>
  issues.map((i) => ({
    path: i.path,
    code: i.code,
    message: i.message[lang],
    ...(i.row !== undefined && { row: i.row }),
    ...(i.column !== undefined && { column: i.column }),
  }));

/** Spreadsheet import of actuals: preview (format, headers, suggested mapping, first rows) and import. */
export function actualsImportRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    app.post(
      '/actuals/import/preview',
      { config: { upload: ACTUALS_UPLOAD }, schema: { tags: ['actuals'], querystring: PreviewActualsQuery, consumes: ['multipart/form-data'], response: { 200: ImportPreview } } },
      async (req) => {
        const actor = requireActor(req);
        writableUnits(actor); // throws FORBIDDEN before a byte of the upload is read
        const upload = await readingUpload(() => readUpload(req));
        const preview = await previewActualsImport(store, actor, deps.now(), upload, { mapping: upload.mapping, decimal: req.query.decimal });
        return {
          ...preview,
          mappingIssues: present(preview.mappingIssues, req.lang),
          rows: preview.rows.map((r) => ({ ...r, issues: present(r.issues, req.lang) })),
        };
      },
    );

    app.post(
      '/actuals/import',
      { config: { upload: ACTUALS_UPLOAD }, schema: { tags: ['actuals'], querystring: ImportActualsQuery, consumes: ['multipart/form-data'], response: { 200: ImportActualsResult } } },
      async (req) => {
        const actor = requireActor(req);
        writableUnits(actor); // throws FORBIDDEN before a byte of the upload is read
        const upload = await readingUpload(() => readUpload(req));
        const result = await importActuals(store, actor, deps.now(), upload, {
          dryRun: req.query.dryRun === 'true',
          skipBadRows: req.query.skipBadRows === 'true',
          mapping: upload.mapping,
          decimal: req.query.decimal,
          onProgress: logProgress(req.log),
        });
        return { ...result, issues: present(result.issues, req.lang) };
      },
    );
  };
}
