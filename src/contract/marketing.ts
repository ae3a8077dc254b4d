import { z } from 'zod';
import { CAMPAIGN_DELIVERIES, CAMPAIGN_STATUSES } from '../core/marketing/campaign';
import { MAX_ABS_VALUE } from '../core/limits';
import { isValidDate } from '../core/period/dates';
import { RefId, cleanText } from './common';
import { LiftResult } from './dataset-queries';

const Code = z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isValidDate, { params: { check: 'date' } });
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Count = z.number().int().min(0).max(MAX_ABS_VALUE);
/** VND, exact to the đồng cent: at most 2 decimals. */
const Money = z
  .number()
  .min(0)
  .max(MAX_ABS_VALUE)
  .refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, { params: { check: 'money' } });
const Fraction = z.number().gt(0).max(1);
const PositiveOrNull = z.number().min(0).max(MAX_ABS_VALUE).nullable().default(null);

export const Channel = z.object({ id: z.number(), code: z.string(), name: z.string() });
export const ChannelList = z.object({ items: z.array(Channel) });
export const ChannelBody = z.strictObject({ code: Code, name: cleanText(200) });
export const ChannelRenameBody = z.strictObject({ name: cleanText(200) });

const ChannelTargets = z.object({
  channelId: z.number(),
  channelName: z.string(),
  responseRateTarget: z.number().nullable(),
  costPerResponseTarget: z.number().nullable(),
  cpaTarget: z.number().nullable(),
  roasTarget: z.number().nullable(),
});

export const Campaign = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  budget: z.number(),
  ownerPersonId: z.number().nullable(),
  ownerName: z.string().nullable(),
  delivery: z.enum(CAMPAIGN_DELIVERIES),
  agencyName: z.string().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  channels: z.array(ChannelTargets),
  agencyUserIds: z.array(z.number()),
});
export const CampaignList = z.object({ items: z.array(Campaign) });

export const CampaignBody = z.strictObject({
  code: Code,
  name: cleanText(200),
  startDate: Day,
  endDate: Day,
  budget: Money.default(0),
  ownerPersonId: RefId.nullable().default(null),
  delivery: z.enum(CAMPAIGN_DELIVERIES).default('in_house'),
  agencyName: cleanText(200).nullable().default(null),
  channels: z
    .array(
      z.strictObject({
        channelId: RefId,
        responseRateTarget: Fraction.nullable().default(null),
        costPerResponseTarget: PositiveOrNull,
        cpaTarget: PositiveOrNull,
        roasTarget: PositiveOrNull,
      }),
    )
    .max(50)
    .default([]),
  agencyUserIds: z.array(RefId).max(50).default([]),
});

export const StatusBody = z.strictObject({ status: z.enum(CAMPAIGN_STATUSES) });

const ResultRow = z.strictObject({
  channelId: RefId,
  period: Month,
  recipients: Count,
  responses: Count,
  cost: Money.default(0),
  acquisitions: Count.default(0),
  revenue: Money.default(0),
});
export const ResultsBody = z.strictObject({ rows: z.array(ResultRow).min(1).max(1000) });
export const ResultsWritten = z.object({ written: z.number() });

const Totals = z.object({
  recipients: z.number(),
  responses: z.number(),
  cost: z.number(),
  acquisitions: z.number(),
  revenue: z.number(),
  responseRate: z.number().nullable(),
  costPerResponse: z.number().nullable(),
  costPerAcquisition: z.number().nullable(),
  roas: z.number().nullable(),
});
const ChannelTotals = Totals.extend({ channelId: z.number(), code: z.string(), name: z.string() });

/** Months `from`…`to` (inclusive) and optionally one campaign; absent = everything. */
export const ComparisonQuery = z.strictObject({ from: Month.optional(), to: Month.optional(), campaign: z.coerce.number().int().min(1).max(2_147_483_647).optional() });
export const Comparison = z.object({ channels: z.array(ChannelTotals), total: Totals });

export const CampaignDetail = z.object({
  campaign: Campaign,
  channels: z.array(ChannelTotals),
  total: Totals,
  results: z.array(Totals.omit({ costPerResponse: true, costPerAcquisition: true }).extend({ channelId: z.number(), period: z.string() })),
});

export const SurveyParams = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647), phase: z.enum(['before', 'after']) });
export const SurveyBody = z.strictObject({ takenOn: Day, aware: z.number().int().min(0).max(1_000_000_000), asked: z.number().int().min(1).max(1_000_000_000) });

const Survey = z.object({ phase: z.enum(['before', 'after']), takenOn: z.string(), aware: z.number(), asked: z.number() });
export const AwarenessQuery = z.strictObject({ confidence: z.coerce.number().min(0.5).max(0.999).optional() });
export const Awareness = z.object({
  before: Survey.nullable(),
  after: Survey.nullable(),
  lift: LiftResult.nullable(),
});
