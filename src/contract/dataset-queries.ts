import { z } from 'zod';
import { cleanText } from './common';

/** A dataset's name in a path: what the catalogue allows (`ds_` + name is its table). */
export const DatasetQueryParams = z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/) });

/** Names, expressions, `by` items and conditions are checked against the dataset by the use-case (issues with paths). */
export const MeasureQueryBody = z.strictObject({
  measures: z.array(z.strictObject({ name: cleanText(60), expression: cleanText(2000) })).min(1).max(20),
  by: z.array(cleanText(80)).max(4).default([]),
  where: cleanText(2000).optional(),
});

const GroupValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const MeasureQueryResult = z.object({
  columns: z.array(z.string()),
  /** One object per group: the `by` columns (months `YYYY-MM`, quarters `YYYY-Qn`, years `YYYY`), then each measure (null = no value). */
  rows: z.array(z.record(z.string(), GroupValue)),
});

const Column = cleanText(60);
const Grain = z.enum(['month', 'quarter', 'year']);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CohortBody = z.strictObject({
  customer: Column,
  date: Column,
  event: Column.optional(),
  within: z.number().int().min(1).max(3660),
  cohort: Grain.default('month'),
  /** Also group by this column's value on the customer's first event (e.g. the channel of the first order). */
  firstBy: Column.optional(),
});
export const CohortResult = z.object({
  rows: z.array(z.object({ cohort: z.string(), first: z.string().nullable().optional(), customers: z.number(), returning: z.number(), rate: z.number() })),
});

export const RepeatShareBody = z.strictObject({
  customer: Column,
  date: Column,
  period: Grain.default('month'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const RepeatShareResult = z.object({
  rows: z.array(z.object({ period: z.string(), customers: z.number(), repeat: z.number(), share: z.number() })),
});

const Survey = z.strictObject({ aware: z.number().int().min(0).max(1e9), asked: z.number().int().min(1).max(1e9) });
export const LiftBody = z.strictObject({ before: Survey, after: Survey, confidence: z.number().min(0.5).max(0.999).default(0.95) });
export const LiftResult = z.object({
  before: z.number(),
  after: z.number(),
  lift: z.number(),
  relative: z.number().nullable(),
  z: z.number(),
  p: z.number(),
  ci: z.tuple([z.number(), z.number()]),
  confidence: z.number(),
  significant: z.boolean(),
  sampleSizeToDetect: z.number().nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  message: z.string(),
});

export const SampleSizeBody = z.strictObject({
  baseline: z.number().gt(0).lt(1),
  lift: z.number().min(-1).max(1),
  power: z.number().min(0.5).lt(1).default(0.8),
  alpha: z.number().gt(0).max(0.5).default(0.05),
});
export const SampleSizeResult = z.object({ perSurvey: z.number() });
