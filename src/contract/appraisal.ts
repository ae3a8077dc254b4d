import { z } from 'zod';
import { MAX_ABS_VALUE } from '../core/limits';
import { cleanText, cleanTextOrEmpty, finiteValue, Id, RefId } from './common';

/**
 * People performance (issue 11): sheet templates, cycles, sheets, target agreement, reviews, calibration,
 * bonus. Weights are percentages (must total exactly 100 at each level, checked in decimal by
 * core/appraisal/weights.ts); scores and shares are fractions (0.95 = 95 %); money is whole VND.
 */

export const Names = z.strictObject({ vi: cleanText(200), en: cleanText(200) });
export const ItemCode = z.string().trim().regex(/^[A-Za-z0-9_.-]{1,40}$/);
/** A percentage weight: > 0, ≤ 100, at most 4 decimals (the column keeps 4). */
export const PercentWeight = z
  .number()
  .positive()
  .max(100)
  .refine((x) => Math.abs(x * 1e4 - Math.round(x * 1e4)) < 1e-6, { params: { check: 'weight_decimals' } });
export const Score = z.number().min(0).max(1e6);
export const Money = z.number().min(0).max(MAX_ABS_VALUE);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const FREQUENCIES = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export const PHASES = ['targets', 'agree', 'track', 'self', 'review', 'calibrate', 'locked', 'published'] as const;
export type Phase = (typeof PHASES)[number];
export const TARGET_STATUSES = ['none', 'proposed', 'countered', 'agreed', 'finalized'] as const;
export const AGREEMENT_ACTIONS = ['propose', 'accept', 'counter', 'revise', 'finalize'] as const;

// ---------- templates ----------

export const TemplateItem = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('kpi'), code: ItemCode, name: Names, weight: PercentWeight, kpiCode: ItemCode }),
  z.strictObject({
    kind: z.literal('rated'),
    code: ItemCode,
    name: Names,
    weight: PercentWeight,
    scale: z.number().int().min(2).max(10),
    /** One descriptor per level 1…scale. */
    levels: z.array(Names).max(10),
  }),
]);
export const TemplateGroup = z.strictObject({ code: ItemCode, name: Names, weight: PercentWeight, items: z.array(TemplateItem).min(1).max(50) });
export const TemplateBody = z.strictObject({
  code: ItemCode,
  name: cleanText(200),
  positionId: RefId.nullable(),
  groups: z.array(TemplateGroup).min(1).max(10),
});
export const Template = TemplateBody.extend({ id: z.number(), archived: z.boolean(), positionName: z.string().nullable(), sheets: z.number() });
export const TemplateList = z.object({ items: z.array(Template) });

// ---------- bonus rules ----------

export const BonusRuleBody = z.strictObject({
  effectiveFrom: IsoDate,
  rate: z.number().min(0).max(1e6),
  /** Coefficient per grade, or "score": the final score is the coefficient. */
  coefficients: z.union([z.literal('score'), z.record(z.string().min(1).max(10), z.number().min(0).max(1e6))]),
  roundStep: z.number().positive().max(MAX_ABS_VALUE),
  note: cleanTextOrEmpty(500).default(''),
});
export const BonusRule = BonusRuleBody.extend({ id: z.number(), createdAt: z.string() });
export const BonusRuleList = z.object({ items: z.array(BonusRule) });

// ---------- cycles ----------

export const Band = z.strictObject({ grade: z.string().trim().min(1).max(10), min: z.number().min(0).max(1e6) });
export const CycleBody = z.strictObject({
  code: ItemCode,
  name: cleanText(200),
  frequency: z.enum(FREQUENCIES),
  /** Period key: 2026 (yearly), 2026-Q3 (quarterly), 2026-07 (monthly), 2026-H2 (half-yearly). */
  period: z.string().regex(/^\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$/),
  deadlines: z.partialRecord(z.enum(PHASES), IsoDate).default({}),
  missing: z.enum(['renormalize', 'zero']).default('renormalize'),
  bands: z.array(Band).min(1).max(10).optional(),
  /** Target share of each grade (0…1), for calibration warnings. */
  distribution: z.record(z.string().min(1).max(10), z.number().min(0).max(1)).nullable().default(null),
  secondApproval: z.boolean().default(false),
});
export const CycleUpdateBody = CycleBody.omit({ code: true, frequency: true, period: true }).partial();
export const Cycle = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  frequency: z.enum(FREQUENCIES),
  period: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  phase: z.enum(PHASES),
  deadlines: z.record(z.string(), z.string()),
  missing: z.enum(['renormalize', 'zero']),
  bands: z.array(Band),
  distribution: z.record(z.string(), z.number()).nullable(),
  secondApproval: z.boolean(),
  lockedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Sheets in the caller's scope. */
  sheets: z.number(),
  /** The bonus rule in effect on the cycle's last day (null = none yet). */
  bonusRule: BonusRule.nullable(),
});
export const CycleList = z.object({ items: z.array(Cycle) });
export const PhaseBody = z.strictObject({ phase: z.enum(PHASES), reason: cleanTextOrEmpty(1000).default('') });
export const ReopenBody = z.strictObject({ reason: cleanText(1000) });

// ---------- assignment ----------

/** Assign a template to everyone picked: people, a unit (optionally with its sub-units), or a position within the caller's scope. */
export const AssignBody = z
  .strictObject({
    templateId: RefId,
    personIds: z.array(RefId).max(10_000).optional(),
    unitId: RefId.optional(),
    includeSubunits: z.boolean().default(false),
    positionId: RefId.optional(),
    /** Days on this sheet within the cycle (proration); default the whole cycle. */
    startsOn: IsoDate.optional(),
    endsOn: IsoDate.optional(),
  })
  .refine((b) => b.personIds !== undefined || b.unitId !== undefined || b.positionId !== undefined, { params: { check: 'assign_who' }, path: ['personIds'] });
export const AssignResult = z.object({ created: z.number(), skipped: z.array(z.object({ personId: z.number(), reason: z.string() })) });

// ---------- sheets ----------

export const AgreementVersion = z.object({
  version: z.number(),
  action: z.enum(AGREEMENT_ACTIONS),
  value: z.number().nullable(),
  reason: z.string(),
  status: z.enum(TARGET_STATUSES),
  actorName: z.string(),
  at: z.string(),
});
export const SheetItem = z.object({
  id: z.number(),
  group: z.string(),
  code: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  kind: z.enum(['kpi', 'rated']),
  kpiCode: z.string().nullable(),
  /** KPI items: unit, direction (for formatting and pace). */
  unit: z.string().nullable(),
  direction: z.enum(['increase', 'decrease']).nullable(),
  scale: z.number().nullable(),
  levels: z.array(z.object({ vi: z.string(), en: z.string() })).nullable(),
  weight: z.number(),
  overridden: z.boolean(),
  extra: z.boolean(),
  target: z.number().nullable(),
  targetStatus: z.enum(TARGET_STATUSES),
  agreement: z.array(AgreementVersion),
  actual: z.number().nullable(),
  /** Share of the cycle elapsed (0…1) and the forecast at that pace, for KPI items of an open cycle. */
  pace: z.object({ elapsed: z.number(), forecast: z.number().nullable(), stillNeeded: z.number().nullable() }).nullable(),
  achievement: z.number().nullable(),
  score: z.number().nullable(),
  selfRating: z.number().nullable(),
  selfComment: z.string(),
  /** Hidden from the sheet's person until the cycle is published. */
  managerRating: z.number().nullable(),
  managerComment: z.string(),
});
export const SheetGroup = z.object({ code: z.string(), name: z.object({ vi: z.string(), en: z.string() }), weight: z.number(), overridden: z.boolean(), score: z.number().nullable() });
export const SheetSummary = z.object({
  id: z.number(),
  cycleId: z.number(),
  personId: z.number(),
  personName: z.string(),
  personCode: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  positionName: z.string().nullable(),
  templateId: z.number(),
  templateName: z.string(),
  reviewerId: z.number().nullable(),
  reviewerName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  items: z.number(),
  agreedItems: z.number(),
  selfSubmitted: z.boolean(),
  reviewed: z.boolean(),
  /** This sheet's own final score. */
  ownScore: z.number().nullable(),
  /** The person's final score for the cycle: time-weighted by days over their sheets (= ownScore with one sheet). */
  score: z.number().nullable(),
  /** The grade after calibration, if changed there. */
  grade: z.string().nullable(),
  gradeBeforeCalibration: z.string().nullable(),
  coefficient: z.number().nullable(),
  /** Null for readers without appraisal.pay on the person (the person themself always sees theirs). */
  bonusBase: z.number().nullable(),
  bonus: z.number().nullable(),
});
export const Sheet = SheetSummary.extend({
  cycle: Cycle,
  missing: z.enum(['renormalize', 'zero']),
  groups: z.array(SheetGroup),
  items: z.array(SheetItem),
  itemCount: z.number(),
  selfSubmittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  calibrations: z.array(z.object({ beforeGrade: z.string().nullable(), afterGrade: z.string(), score: z.number().nullable(), reason: z.string(), actorName: z.string(), at: z.string() })),
  /** What the caller may do on this sheet now (the UI shows only these actions). */
  can: z.object({ propose: z.boolean(), agree: z.boolean(), selfAssess: z.boolean(), review: z.boolean(), approve: z.boolean(), calibrate: z.boolean(), editItems: z.boolean(), setBonusBase: z.boolean() }),
});
export const SheetList = z.object({ items: z.array(SheetSummary), total: z.number() });
export const SheetsQuery = z.strictObject({ unitId: Id.optional(), personId: Id.optional(), limit: z.coerce.number().int().min(1).max(1000).default(200), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) });
export const MySheets = z.object({ items: z.array(Sheet) });

/** Which steps need a value or a reason is the agreement rule's (core/appraisal/agreement.ts: 422 with the field path). */
export const AgreementBody = z.strictObject({ action: z.enum(AGREEMENT_ACTIONS), value: finiteValue.optional(), reason: cleanTextOrEmpty(1000).default('') });

export const SheetItemEdit = z.discriminatedUnion('kind', [
  z.strictObject({ id: RefId.optional(), kind: z.literal('kpi'), group: ItemCode, code: ItemCode, name: Names, weight: PercentWeight, kpiCode: ItemCode }),
  z.strictObject({ id: RefId.optional(), kind: z.literal('rated'), group: ItemCode, code: ItemCode, name: Names, weight: PercentWeight, scale: z.number().int().min(2).max(10), levels: z.array(Names).max(10) }),
]);
/** Per-person overrides: group weights and the full item list (existing ids keep their targets and reviews; new items are extras). */
export const SheetItemsBody = z.strictObject({
  groups: z.array(z.strictObject({ code: ItemCode, weight: PercentWeight })).min(1).max(10),
  items: z.array(SheetItemEdit).min(1).max(200),
});
export const ReviewItem = z.strictObject({ id: RefId, rating: z.number().min(0).max(10).nullable().optional(), comment: cleanTextOrEmpty(2000).default('') });
export const ReviewBody = z.strictObject({ items: z.array(ReviewItem).max(200), submit: z.boolean().default(false) });
export const CalibrateBody = z.strictObject({ grade: z.string().trim().min(1).max(10), reason: cleanText(1000) });
export const BonusBaseBody = z.strictObject({ base: Money });
export const SheetParams = z.strictObject({ id: Id });
export const ItemParams = z.strictObject({ id: Id, itemId: Id });

// ---------- unit views: consensus, calibration, pay ----------

export const UnitQuery = z.strictObject({ unitId: Id.optional() });
export const ConsensusRow = z.object({ kind: z.enum(['unit', 'person']), id: z.number(), name: z.string(), assigned: z.number(), agreed: z.number(), rate: z.number().nullable() });
export const Consensus = z.object({ rate: z.number().nullable(), units: z.array(ConsensusRow), people: z.array(ConsensusRow) });
export const Calibration = z.object({
  people: z.number(),
  distribution: z.array(z.object({ grade: z.string(), count: z.number(), share: z.number(), target: z.number().nullable(), over: z.boolean() })),
  /** e.g. "A: 25% > 15%". */
  warnings: z.array(z.string()),
  companyMean: z.number().nullable(),
  reviewers: z.array(z.object({ reviewerId: z.number(), name: z.string(), count: z.number(), mean: z.number(), leniency: z.number() })),
  changes: z.array(z.object({ sheetId: z.number(), personName: z.string(), beforeGrade: z.string().nullable(), afterGrade: z.string(), score: z.number().nullable(), reason: z.string(), actorName: z.string(), at: z.string() })),
});
export const PayScenario = z.strictObject({
  bands: z.array(Band).min(1).max(10).optional(),
  coefficients: z.union([z.literal('score'), z.record(z.string().min(1).max(10), z.number().min(0).max(1e6))]).optional(),
  rate: z.number().min(0).max(1e6).optional(),
  roundStep: z.number().positive().max(MAX_ABS_VALUE).optional(),
  /** Split this pool by base × coefficient instead of paying base × rate × coefficient. */
  pool: Money.optional(),
});
export const PayBody = z.strictObject({ unitId: RefId.optional(), whatIf: PayScenario.default({}) });
export const PayRow = z.object({ sheetId: z.number(), personName: z.string(), unitName: z.string(), score: z.number().nullable(), base: z.number(), current: z.object({ grade: z.string().nullable(), coefficient: z.number().nullable(), bonus: z.number() }), whatIf: z.object({ grade: z.string().nullable(), coefficient: z.number().nullable(), bonus: z.number() }) });
export const Pay = z.object({ rows: z.array(PayRow), totals: z.object({ current: z.number(), whatIf: z.number(), difference: z.number() }) });
