import { z } from 'zod';
import { Id, cleanText } from './common';
import { ScopeText } from './evaluation';

export const SubscriptionReport = z.enum(['scorecard', 'diagnostics', 'late-measurements', 'digest']);
export const SubscriptionCadence = z.enum(['weekly', 'monthly']);
export const SubscriptionFormat = z.enum(['pdf', 'xlsx']);

export const Subscription = z.object({
  id: z.number(),
  report: SubscriptionReport,
  cadence: SubscriptionCadence,
  format: SubscriptionFormat,
  /** `company`, `unit:<id>` or `person:<id>`. */
  scope: z.string(),
  /** The last run it was sent for (`week:2025-W50`, `month:2025-12`), or null. */
  lastSentKey: z.string().nullable(),
  createdAt: z.string(),
});
export type SubscriptionT = z.infer<typeof Subscription>;

export const SubscriptionList = z.object({ items: z.array(Subscription) });
export type SubscriptionListT = z.infer<typeof SubscriptionList>;

export const CreateSubscriptionBody = z.strictObject({
  report: SubscriptionReport,
  cadence: SubscriptionCadence,
  format: SubscriptionFormat.default('pdf'),
  scope: ScopeText.default('company'),
});
export type CreateSubscriptionBodyT = z.input<typeof CreateSubscriptionBody>;

export const SubscriptionParams = z.strictObject({ id: Id });
export const Deleted = z.object({ ok: z.literal(true) });

export const DigestQuery = z.strictObject({ period: cleanText(40, 4).optional(), scope: ScopeText.optional() });

const Named = { code: z.string(), name: z.string(), nameEn: z.string().nullable() };
const Mover = z.object({ ...Named, previous: z.number(), current: z.number(), change: z.number() });
const Reason = z.object({ reason: z.string(), comment: z.string().nullable(), controllable: z.boolean() });

/** The management digest: top movers (achievement change against the previous period), red KPIs with their reasons, late measurements. */
export const DigestResponse = z.object({
  period: z.object({ key: z.string(), start: z.string(), end: z.string(), inProgress: z.boolean() }),
  previousPeriod: z.string(),
  scope: z.object({ type: z.enum(['company', 'unit', 'person']), id: z.number().nullable() }),
  up: z.array(Mover),
  down: z.array(Mover),
  red: z.array(z.object({ ...Named, achievement: z.number().nullable(), reasons: z.array(Reason) })),
  late: z.array(z.object({ ...Named, target: z.number() })),
});
export type DigestResponseT = z.infer<typeof DigestResponse>;
