import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importDataset } from '../../app/datasets/import-dataset';
import { previewDatasetImport } from '../../app/datasets/preview-dataset';
import { getDataset, listDatasets, readDatasetRows } from '../../app/datasets/read-datasets';
import { COMPANY, policy } from '../../app/policy';
import { parseColumnList, parseDateFormat, parseDecimalFlag, parseTypeOverrides } from '../../core/dataset/options';
import { DomainError, issue, type Issue, type Lang } from '../../core/errors';
import { Dataset, DatasetImportFields, DatasetImportResult, DatasetList, DatasetParams, DatasetPreview, DatasetRows, DatasetRowsQuery } from '../../contract/datasets';
import { requireActor, type ServerDeps } from '../context';
import { readingUpload } from './upload-body';

const UPLOAD = {
  file: 'CSV or XLSX file: a header row, then one row per fact (order, lead, send …).',
  fields: {
    mode: 'append (default) or replace.',
    key: 'Key columns, comma-separated: append replaces a stored row with the same key.',
    types: 'Type overrides: column=type,… (text, integer, decimal, date, datetime, boolean).',
    delimiter: 'CSV delimiter , or ; (detected when absent).',
    decimal: 'Decimal separator , or . (detected when absent).',
    dateFormat: 'dd/mm/yyyy (default), mm/dd/yyyy or yyyy-mm-dd.',
  },
};

const LOG_EVERY = 200_000;

const invalid = (issues: Issue[]) => new DomainError('VALIDATION_FAILED', { vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' }, { issues });

/** Reads the multipart body: the `file` part and the option fields, in any order; the fields are checked. */
async function readUpload(req: FastifyRequest) {
  let file: { name: string; data: Buffer } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.fieldname === 'file') file = { name: part.filename, data };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw invalid([issue('file', 'required', 'Hãy chọn một tệp CSV hoặc XLSX (trường "file").', 'Choose a CSV or XLSX file (field "file").')]);
  const parsed = DatasetImportFields.safeParse(fields);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((i) => {
        const field = i.path.join('.') || String((i as { keys?: string[] }).keys?.[0] ?? '(root)');
        return issue(field, i.code === 'unrecognized_keys' ? 'unknown_field' : 'invalid', `Trường "${field}" không hợp lệ.`, `Field "${field}" is invalid.`);
      }),
    );
  }
  const f = parsed.data;
  return {
    file,
    mode: f.mode,
    keyColumns: f.key === undefined ? undefined : parseColumnList(f.key),
    types: f.types === undefined ? undefined : parseTypeOverrides(f.types),
    delimiter: f.delimiter,
    decimal: f.decimal === undefined ? undefined : parseDecimalFlag(f.decimal),
    dateFormat: f.dateFormat === undefined ? undefined : parseDateFormat(f.dateFormat),
  };
}

const present = (issues: Issue[], lang: Lang) =>
  issues.map((i) => ({ path: i.path, code: i.code, message: i.message[lang], ...(i.row !== undefined && { row: i.row }), ...(i.column !== undefined && { column: i.column }) }));

function logProgress(log: FastifyBaseLogger, name: string) {
  let next = LOG_EVERY;
  return (done: number, total: number) => {
    if (done < next && done < total) return;
    next = done + LOG_EVERY;
    log.info({ dataset: name, done, total }, 'dataset import progress');
  };
}

/** Datasets: the catalogue, imports (preview, import) and rows for drill-through. */
export function datasetRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    app.get('/datasets', { schema: { tags: ['datasets'], response: { 200: DatasetList } } }, async (req) => ({ items: await listDatasets(store, requireActor(req)) }));

    app.get('/datasets/:name', { schema: { tags: ['datasets'], params: DatasetParams, response: { 200: Dataset } } }, async (req) => getDataset(store, requireActor(req), req.params.name));

    app.get('/datasets/:name/rows', { schema: { tags: ['datasets'], params: DatasetParams, querystring: DatasetRowsQuery, response: { 200: DatasetRows } } }, async (req) =>
      readDatasetRows(store, requireActor(req), req.params.name, req.query),
    );

    app.post(
      '/datasets/:name/import/preview',
      { config: { upload: UPLOAD }, schema: { tags: ['datasets'], params: DatasetParams, consumes: ['multipart/form-data'], response: { 200: DatasetPreview } } },
      async (req) => {
        const actor = requireActor(req);
        policy.require(actor, 'dataset.manage', COMPANY); // before a byte of the upload is read
        const u = await readingUpload(() => readUpload(req));
        const preview = await previewDatasetImport(store, actor, req.params.name, u.file, u);
        return { ...preview, planIssues: present(preview.planIssues, req.lang), rows: preview.rows.map((r) => ({ ...r, issues: present(r.issues, req.lang) })) };
      },
    );

    app.post(
      '/datasets/:name/import',
      { config: { upload: UPLOAD }, schema: { tags: ['datasets'], params: DatasetParams, consumes: ['multipart/form-data'], response: { 200: DatasetImportResult } } },
      async (req) => {
        const actor = requireActor(req);
        policy.require(actor, 'dataset.manage', COMPANY); // before a byte of the upload is read
        const u = await readingUpload(() => readUpload(req));
        return importDataset(store, actor, req.params.name, u.file, { ...u, onProgress: logProgress(req.log, req.params.name) });
      },
    );
  };
}
