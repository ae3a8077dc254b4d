import { z } from 'zod';
import { DATASET_COLUMN_TYPES } from '../core/dataset/types';
import { Issue, cleanString, queryInt } from './common';

/** A dataset name in a path: what becomes the table `ds_<name>`. */
export const DatasetParams = z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/) });

export const DatasetColumn = z.object({ name: z.string(), label: z.string(), type: z.enum(DATASET_COLUMN_TYPES as [string, ...string[]]) });

export const Dataset = z.object({
  name: z.string(),
  label: z.string(),
  tableName: z.string(),
  columns: z.array(DatasetColumn),
  keyColumns: z.array(z.string()),
  rowCount: z.number(),
  updatedAt: z.string(),
});

export const DatasetList = z.object({ items: z.array(Dataset) });

/**
 * The text fields of an import upload (multipart), as the CLI flags: mode, key (`col,…`), types
 * (`col=type,…`), delimiter, decimal (the separator: `,` or `.`) and dateFormat (`dd/mm/yyyy` …).
 */
export const DatasetImportFields = z.strictObject({
  mode: z.enum(['append', 'replace']).default('append'),
  key: cleanString.max(2000).optional(),
  types: cleanString.max(8000).optional(),
  delimiter: z.enum([',', ';']).optional(),
  decimal: z.enum([',', '.', 'comma', 'dot']).optional(),
  dateFormat: z.enum(['dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd', 'yyyy/mm/dd']).optional(),
});

const Format = z.object({
  type: z.enum(['csv', 'xlsx']),
  delimiter: z.enum([',', ';']).nullable(),
  bom: z.boolean(),
  decimal: z.enum(['comma', 'dot']),
  decimalDetected: z.boolean(),
  dates: z.enum(['dmy', 'mdy', 'ymd']),
});

export const DatasetImportResult = z.object({
  dataset: Dataset,
  action: z.enum(['created', 'replaced', 'appended']),
  rows: z.number(),
  inserted: z.number(),
  replaced: z.number(),
  format: Format,
  /** The KPIs bound to this dataset (docs/kpi-binding.md): recomputed for the periods the import touched, or why not. */
  kpis: z.object({
    recomputed: z.array(z.object({ code: z.string(), range: z.object({ from: z.string(), to: z.string() }).nullable(), inserted: z.number(), updated: z.number(), removed: z.number() })),
    failed: z.array(z.object({ code: z.string(), error: z.object({ code: z.string() }) })),
  }),
});

export const DatasetPreview = z.object({
  format: Format,
  headerRow: z.number(),
  columns: z.array(DatasetColumn),
  existing: Dataset.nullable(),
  planIssues: z.array(Issue),
  rows: z.array(z.object({ row: z.number(), values: z.array(z.string().nullable()), issues: z.array(Issue) })),
});

export const DatasetRowsQuery = z.strictObject({ offset: queryInt(0, 100_000_000).default(0), limit: queryInt(1, 500).default(100) });

export const DatasetRows = z.object({
  columns: z.array(DatasetColumn),
  total: z.number(),
  offset: z.number(),
  /** Values by column name: numbers as exact text, dates ISO, datetimes ISO in UTC, booleans, null when empty. */
  rows: z.array(z.record(z.string(), z.union([z.string(), z.boolean(), z.null()]))),
});
