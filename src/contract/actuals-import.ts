import { z } from 'zod';
import { Issue, cleanString } from './common';

const bool = z.enum(['true', 'false']).default('false');

export const ImportActualsQuery = z.strictObject({
  dryRun: bool,
  skipBadRows: bool,
  /** Decimal separator when the values do not tell: `comma` (1.234,5) or `dot` (1,234.5). */
  decimal: z.enum(['comma', 'dot']).optional(),
});

export const PreviewActualsQuery = z.strictObject({ decimal: z.enum(['comma', 'dot']).optional() });

/** The `mapping` form field: field → header text of the file. */
export const ColumnMapping = z.strictObject({
  kpi: cleanString.max(200).optional(),
  period: cleanString.max(200).optional(),
  date: cleanString.max(200).optional(),
  scope: cleanString.max(200).optional(),
  unit: cleanString.max(200).optional(),
  person: cleanString.max(200).optional(),
  value: cleanString.max(200).optional(),
  numerator: cleanString.max(200).optional(),
  denominator: cleanString.max(200).optional(),
  comment: cleanString.max(200).optional(),
});

export const ImportActualsResult = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  recomputed: z.number(),
  issues: z.array(Issue),
  issueCount: z.number(),
});

const Scope = z.object({ type: z.enum(['company', 'unit', 'person']), id: z.number().nullable() });

export const ImportPreview = z.object({
  format: z.object({
    type: z.enum(['csv', 'xlsx']),
    delimiter: z.enum([',', ';']).nullable(),
    bom: z.boolean(),
    decimal: z.enum(['comma', 'dot']).nullable(),
    decimalDetected: z.boolean(),
    dates: z.enum(['dmy', 'iso', 'mixed']).nullable(),
  }),
  headers: z.array(z.string()),
  headerRow: z.number(),
  mapping: ColumnMapping,
  suggestedMapping: ColumnMapping,
  mappingIssues: z.array(Issue),
  totalRows: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      cells: z.array(z.string()),
      actual: z
        .object({
          kpi: z.string(),
          period: z.string(),
          scope: Scope,
          value: z.number(),
          numerator: z.number().nullable(),
          denominator: z.number().nullable(),
          comment: z.string().nullable(),
          late: z.boolean(),
        })
        .nullable(),
      issues: z.array(Issue),
    }),
  ),
});
