import { z } from 'zod';
import { ACTION_PLAN_STATUSES, MISS_REASONS } from '../core/diagnostics';
import { KPI_CODE_PATTERN } from '../core/kpi';
import { isValidDate } from '../core/period/dates';
import { ScopeBody } from './actuals';
import { Id, RefId, cleanText, cleanTextOrEmpty } from './common';
import { ScopeText } from './evaluation';

const PeriodKey = cleanText(40, 4);
const KpiCode = z.string().regex(KPI_CODE_PATTERN);
const Reason = z.enum(MISS_REASONS);
const PlanStatus = z.enum(ACTION_PLAN_STATUSES);
/** Dates travel as ISO (YYYY-MM-DD); the web app shows and takes dd/mm/yyyy. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isValidDate, { params: { check: 'date' } });
const Localized = z.object({ vi: z.string(), en: z.string() });
const Scope = z.object({ type: z.enum(['company', 'unit', 'person']), id: z.number().nullable() });
const optionalText = (max: number) => cleanTextOrEmpty(max).nullish().transform((s) => (s ? s : null));

export const MissesQuery = z.strictObject({ period: PeriodKey, scope: ScopeText.optional() });
export const ParetoQuery = z.strictObject({ period: PeriodKey, unit: Id.optional(), lang: z.enum(['vi', 'en']).optional() });
export const DriversParams = z.strictObject({ code: KpiCode });
export const DriversQuery = z.strictObject({ period: PeriodKey, scope: ScopeText.optional() });
export const PlanParams = z.strictObject({ id: Id });

export const ReasonInput = z.strictObject({
  reason: Reason,
  comment: optionalText(4000),
  controllable: z.boolean().default(true),
  fromSuggestion: z.boolean().default(false),
});

/** The whole set of reasons of one (KPI, scope, period): reasons left out are removed with their action plans. */
export const ReasonsBody = z.strictObject({
  kpi: KpiCode,
  scope: ScopeBody,
  period: PeriodKey,
  reasons: z.array(ReasonInput).max(MISS_REASONS.length),
});

export const PlanInput = z.strictObject({
  fact: optionalText(4000),
  cause: optionalText(4000),
  action: cleanText(4000),
  ownerPersonId: RefId.nullish().transform((v) => v ?? null),
  dueOn: Day.nullish().transform((v) => v ?? null),
  status: PlanStatus.default('open'),
});
export const PlanCreateBody = PlanInput.extend({ reasonId: RefId });

export const ActionPlan = z.object({
  id: z.number(),
  missReasonId: z.number(),
  fact: z.string().nullable(),
  cause: z.string().nullable(),
  action: z.string(),
  ownerPersonId: z.number().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: PlanStatus,
  updatedAt: z.string(),
});

export const RecordedReason = z.object({
  id: z.number(),
  reason: Reason,
  comment: z.string().nullable(),
  controllable: z.boolean(),
  fromSuggestion: z.boolean(),
  plans: z.array(ActionPlan),
});

export const MissItem = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  unit: z.string().nullable(),
  direction: z.string(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  achievement: z.number().nullable(),
  score: z.number().nullable(),
  reasons: z.array(RecordedReason),
  suggestions: z.array(z.object({ reason: Reason, why: Localized })),
  /** The caller may record reasons and plans for it (miss.explain on the scope). */
  canExplain: z.boolean(),
  /** The KPI is a product of drivers (GET /api/kpis/{code}/drivers answers). */
  hasDrivers: z.boolean(),
});

export const Misses = z.object({
  period: z.object({ key: z.string(), start: z.string(), end: z.string(), ended: z.boolean() }),
  scope: Scope,
  items: z.array(MissItem),
});

const BarKpi = z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable(), scope: Scope, scopeName: z.string(), count: z.number() });
export const Pareto = z.object({
  period: z.string(),
  periodKeys: z.array(z.string()),
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  total: z.number(),
  bars: z.array(
    z.object({
      reason: Reason,
      label: Localized,
      count: z.number(),
      share: z.number(),
      cumulative: z.number(),
      vital: z.boolean(),
      kpis: z.array(BarKpi),
    }),
  ),
  plans: z.array(
    ActionPlan.extend({ kpi: z.string(), kpiName: z.string(), scope: Scope, scopeName: z.string(), period: z.string(), reason: Reason }),
  ),
});

export const Drivers = z.object({
  kpi: z.string(),
  period: z.string(),
  scope: Scope,
  /** `product`: the KPI's formula is [A] * [B] …; `ratio`: KPI = B × (KPI / B) because another KPI is [KPI] / [B]. */
  kind: z.enum(['product', 'ratio']),
  target: z.number(),
  actual: z.number(),
  gap: z.number(),
  effects: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable(), target: z.number(), actual: z.number(), effect: z.number() })),
});

export const ReasonsResult = z.object({ item: MissItem });
export const PlanResult = z.object({ plan: ActionPlan });
export const Deleted = z.object({ ok: z.literal(true) });
