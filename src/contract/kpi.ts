import { z } from 'zod';
import type { ScoringConfig } from '../core/evaluation';
import {
  KPI_AGGREGATIONS,
  KPI_CODE_PATTERN,
  KPI_DIRECTIONS,
  KPI_FREQUENCIES,
  KPI_GROUPS,
  KPI_LEVELS,
  KPI_PERSPECTIVES,
  KPI_SOURCES,
  KPI_STATUSES,
} from '../core/kpi';
import { Id, RefId, cleanString, cleanText, finiteValue, cleanTextOrEmpty, positiveValue, weight } from './common';

const Localized = z.object({ vi: z.string(), en: z.string() });
const finite = finiteValue;
const optionalText = (max: number) => cleanTextOrEmpty(max).optional();
const PeriodText = cleanText(40, 4);

export const KpiTarget = z.strictObject({
  period: PeriodText,
  value: finite,
  min: finite.optional(),
  max: finite.optional(),
  stretch: finite.optional(),
});

const Rag = z.enum(['green', 'amber', 'red']);
/** How achievement becomes a score and a status (see docs/targets-and-scoring.md). */
export const Scoring = z.strictObject({
  method: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('ratio') }),
      z.strictObject({ kind: z.literal('progress') }),
      z.strictObject({ kind: z.literal('binary') }),
      z.strictObject({ kind: z.literal('range'), min: finite, max: finite, tolerance: positiveValue }),
      z.strictObject({
        kind: z.literal('bands'),
        bands: z.array(z.strictObject({ min: finite, score: finite })).min(1).max(20),
        below: finite.optional(),
      }),
    ])
    .optional(),
  floor: finite.optional(),
  cap: positiveValue.optional(),
  statusRules: z.array(z.strictObject({ min: finite, status: Rag })).max(10).optional(),
  tolerance: positiveValue.optional(),
});

/** A KPI as the API accepts it: people by id, parents by code. */
export const KpiBody = z.strictObject({
  code: z.string().trim().regex(KPI_CODE_PATTERN),
  name: cleanText(200),
  nameEn: optionalText(200),
  description: optionalText(2000),
  descriptionEn: optionalText(2000),
  level: z.enum(KPI_LEVELS),
  perspective: z.enum(KPI_PERSPECTIVES),
  group: z.enum(KPI_GROUPS).nullable().optional(),
  unit: cleanText(40).nullable(),
  direction: z.enum(KPI_DIRECTIONS),
  aggregation: z.enum(KPI_AGGREGATIONS),
  frequency: z.enum(KPI_FREQUENCIES).nullable(),
  source: z.enum(KPI_SOURCES).nullable(),
  formula: cleanString.max(10_000).nullable().optional(),
  ownerId: RefId.nullable(),
  measurerId: RefId.nullable(),
  reportWithinDays: z.number().int().min(0).max(365).nullable(),
  baseline: z.strictObject({ period: PeriodText, value: finite }).nullable(),
  parents: z.array(z.strictObject({ code: z.string().trim().regex(KPI_CODE_PATTERN), weight })).max(50),
  tags: z.array(cleanText(40)).max(20),
  status: z.enum(KPI_STATUSES),
  targets: z.array(KpiTarget).max(500).optional(),
  scoring: Scoring.optional(),
});

/** The SMART preview takes whatever the form holds so far. */
export const KpiDraftBody = KpiBody.partial().extend({ code: cleanString.max(40).optional() });

export const Finding = z.object({
  letter: z.enum(['S', 'M', 'A', 'R', 'T', 'ALIGN']),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: Localized,
  suggestion: Localized,
});
const SmartStatus = z.enum(['ok', 'warning', 'error']);
export const SmartSummary = z.object({ S: SmartStatus, M: SmartStatus, A: SmartStatus, R: SmartStatus, T: SmartStatus, ALIGN: SmartStatus });

export const Kpi = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  description: z.string().optional(),
  descriptionEn: z.string().optional(),
  level: z.string(),
  perspective: z.string(),
  group: z.string().nullable().optional(),
  unit: z.string().nullable(),
  direction: z.string(),
  aggregation: z.string(),
  frequency: z.string().nullable(),
  source: z.string().nullable(),
  formula: z.string().nullable().optional(),
  ownerId: z.number().nullable(),
  measurerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  measurerName: z.string().nullable(),
  /** The owner's unit: the unit the KPI belongs to for permissions. */
  ownerUnitId: z.number().nullable(),
  reportWithinDays: z.number().nullable(),
  baseline: z.object({ period: z.string(), value: z.number() }).nullable(),
  parents: z.array(z.object({ code: z.string(), weight: z.number() })),
  tags: z.array(z.string()),
  status: z.string(),
  targets: z.array(z.object({ period: z.string(), value: z.number(), min: z.number().optional(), max: z.number().optional(), stretch: z.number().optional() })),
  // Same shape as the request's `scoring` (core types use readonly arrays, hence the custom type).
  scoring: z.custom<ScoringConfig>((v) => typeof v === 'object' && v !== null),
  updatedAt: z.string(),
});

export const KpiListQuery = z.strictObject({
  status: z.enum(KPI_STATUSES).optional(),
  level: z.enum(KPI_LEVELS).optional(),
  perspective: z.enum(KPI_PERSPECTIVES).optional(),
  unit: cleanString.max(40).optional(),
  ownerId: Id.optional(),
  q: cleanTextOrEmpty(200).optional(),
});
export const KpiList = z.object({ items: z.array(Kpi.extend({ smart: SmartSummary, children: z.array(z.string()) })) });
export const KpiDetail = z.object({ kpi: Kpi, findings: z.array(Finding), children: z.array(z.string()) });
export const KpiSaved = z.object({ kpi: Kpi, findings: z.array(Finding) });
export const SmartPreview = z.object({ findings: z.array(Finding), summary: SmartSummary });
export const CodeParams = z.strictObject({ code: z.string().regex(KPI_CODE_PATTERN) });

export const TemplateList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      category: z.string(),
      name: Localized,
      description: Localized,
      unit: z.string(),
      direction: z.string(),
      aggregation: z.string(),
      frequency: z.string(),
      level: z.string(),
      perspective: z.string(),
    }).passthrough(),
  ),
});

export const ScopeBody = z.strictObject({ type: z.enum(['company', 'unit', 'person']), id: RefId.nullable().optional() });
export const TargetRecord = z.object({
  id: z.number(),
  kpiId: z.number(),
  period: z.string(),
  start: z.string(),
  end: z.string(),
  scope: z.object({ type: z.enum(['company', 'unit', 'person']), id: z.number().nullable() }),
  value: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  stretch: z.number().optional(),
  locked: z.boolean(),
});
export const TargetList = z.object({ items: z.array(TargetRecord) });
export const TargetsQuery = z.strictObject({ period: cleanString.max(40).optional() });
export const SetTargetsBody = z.strictObject({ scope: ScopeBody, targets: z.array(KpiTarget).min(1).max(500) });
export const CascadeBody = z.strictObject({
  period: PeriodText,
  from: ScopeBody.optional(),
  to: z.array(z.strictObject({ scope: ScopeBody, weight })).min(1).max(1000),
  step: positiveValue.optional(),
});
export const CascadeResult = z.object({ parent: z.number(), parts: z.array(TargetRecord) });
export const SumCheckQuery = z.strictObject({ period: PeriodText });
export const SumCheck = z.object({
  applicable: z.boolean(),
  mismatches: z.array(
    z.object({ id: z.string(), parent: z.number(), childrenSum: z.number(), difference: z.number(), code: z.string(), message: Localized, children: z.array(z.string()) }),
  ),
});
