import { z } from 'zod';
import { BINDING_LIMITS } from '../core/kpi-binding';
import { DatasetColumn } from './datasets';
import { RefId, cleanString, queryInt } from './common';

const Name = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/);

/** A KPI's dataset binding: measure over a dataset by the periods of a date column, scope values mapped to units or people. */
export const KpiBindingBody = z.strictObject({
  dataset: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  measure: cleanString.min(1).max(2_000),
  dateColumn: Name,
  scopeColumn: Name.nullable().default(null),
  scopes: z
    .array(z.strictObject({ value: cleanString.max(BINDING_LIMITS.valueLength), scope: z.strictObject({ type: z.enum(['unit', 'person']), id: RefId }) }))
    .max(BINDING_LIMITS.scopes)
    .default([]),
});

export const KpiBinding = z.object({
  dataset: z.string(),
  measure: z.string(),
  dateColumn: z.string(),
  scopeColumn: z.string().nullable(),
  scopes: z.array(z.object({ value: z.string(), scope: z.object({ type: z.enum(['unit', 'person']), id: z.number() }) })),
});

export const KpiBindingView = z.object({ binding: KpiBinding.nullable() });

const Scope = z.object({ type: z.enum(['company', 'unit', 'person']), id: z.number().nullable() });

export const RecomputeResult = z.object({
  code: z.string(),
  range: z.object({ from: z.string(), to: z.string() }).nullable(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  removed: z.number(),
  /** Periods and scopes left as they were: a locked review cycle holds them. */
  skipped: z.array(z.object({ period: z.string(), scope: Scope, cycle: z.string() })),
  /** Periods and scopes whose value is beyond ±10^15: not written. */
  outOfRange: z.array(z.object({ period: z.string(), scope: Scope })),
});

export const KpiBindingSaved = z.object({ binding: KpiBinding, recompute: RecomputeResult });

export const KpiBindingCheck = z.object({ preview: z.array(z.object({ period: z.string(), value: z.number().nullable() })) });

export const KpiRowsQuery = z.strictObject({
  period: cleanString.max(40),
  /** company, unit:<id> or person:<id> */
  scope: cleanString.max(40).optional(),
  offset: queryInt(0, 100_000_000).default(0),
  limit: queryInt(1, 500).default(50),
});

export const KpiRows = z.object({
  dataset: z.string(),
  columns: z.array(DatasetColumn),
  period: z.string(),
  total: z.number(),
  offset: z.number(),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.boolean(), z.null()]))),
});
