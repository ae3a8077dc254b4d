import { z } from 'zod';
import { cleanText } from './common';

/** Events a webhook can subscribe to (what notify() is told about). */
export const WEBHOOK_EVENTS = [
  'reminder.before',
  'reminder.late',
  'reminder.escalation',
  'reminder.escalation-2',
  'kpi.red',
  'appraisal.agreement',
  'appraisal.review',
  'cycle.locked',
  'cycle.published',
] as const;

export const WebhookEvent = z.string().regex(/^[a-z][a-z0-9.-]{0,59}$/);

const HttpUrl = cleanText(2000, 8).refine(
  (s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  },
  { params: { check: 'http_url' } },
);

export const Webhook = z.object({
  id: z.number(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;
export const WebhookList = z.object({ items: z.array(Webhook), events: z.array(z.string()) });

export const WebhookBody = z.strictObject({
  name: cleanText(200),
  url: HttpUrl,
  events: z.array(WebhookEvent).min(1).max(30),
  active: z.boolean().default(true),
  /** Left out: the server generates one (returned once). Given: at least 16 characters. */
  secret: cleanText(200, 16).optional(),
});

/** The secret is shown once, when created (or replaced). */
export const CreatedWebhook = Webhook.extend({ secret: z.string().nullable() });

export const WebhookDelivery = z.object({
  id: z.string(),
  webhookId: z.number(),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  responseCode: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export const WebhookDeliveryList = z.object({ items: z.array(WebhookDelivery) });
