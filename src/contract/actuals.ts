import { z } from 'zod';
import { KPI_CODE_PATTERN } from '../core/kpi';
import { RefId, cleanString, cleanText, denominator, finiteValue, ratioInRange } from './common';

const comment = cleanString.max(2000).nullish();
const PeriodText = cleanText(40);

export const ScopeBody = z.strictObject({
  type: z.enum(['company', 'unit', 'person']),
  id: RefId.nullish(),
});

export const Scope = z.object({ type: z.enum(['company', 'unit', 'person']), id: z.number().nullable() });

/** What one actual carries, from a check-in form or an API push. */
const actualFields = {
  period: PeriodText,
  scope: ScopeBody.optional(),
  value: finiteValue.nullish(),
  numerator: finiteValue.nullish(),
  denominator: denominator.nullish(),
  comment,
};

export const CheckInBody = z.strictObject(actualFields).superRefine(ratioInRange);

export const ActualsQuery = z.strictObject({
  /** `company` (default), `unit:<id>` or `person:<id>`. */
  scope: cleanString.max(40).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const EvidenceFile = z.object({
  id: z.number(),
  actualId: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const Actual = z.object({
  id: z.number(),
  kpiId: z.number(),
  kpiCode: z.string(),
  period: z.string(),
  kind: z.string(),
  start: z.string(),
  end: z.string(),
  scope: Scope,
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  source: z.enum(['checkin', 'import', 'api', 'formula', 'dataset']),
  comment: z.string().nullable(),
  late: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  evidence: z.array(EvidenceFile),
});

export const ActualList = z.object({ items: z.array(Actual) });

export const ActualVersionList = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      value: z.number(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      source: z.string(),
      comment: z.string().nullable(),
      late: z.boolean(),
      changedByName: z.string(),
      changedAt: z.string(),
    }),
  ),
});

export const KpiCodeParams = z.strictObject({ code: z.string().regex(KPI_CODE_PATTERN) });

// ── API tokens and push ────────────────────────────────────────────────────

export const CreateApiTokenBody = z.strictObject({
  name: cleanText(100),
  kpiCodes: z.array(z.string().regex(KPI_CODE_PATTERN)).max(500).optional(),
});

export const ApiToken = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  kpiCodes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});

export const ApiTokenList = z.object({ items: z.array(ApiToken) });

/** The secret is in this response only; it is never shown again. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });

export const PushItem = z.strictObject({ kpi: cleanString.min(1).max(40), ...actualFields }).superRefine(ratioInRange);

export const PushBody = z.strictObject({ actuals: z.array(PushItem).min(1).max(10_000) });

export const PushHeaders = z.object({
  'idempotency-key': cleanString.describe('Required. 1–100 characters; the same key and body replay the stored answer, another body gives 409.'),
});

export const PushResult = z.object({
  count: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  recomputed: z.number(),
});
