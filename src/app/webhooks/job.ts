import { nextAttemptAt } from '../notifications/backoff';
import type { Job, JobContext } from '../scheduler/job';
import { postWebhook, webhookBody, WEBHOOK_TIMEOUT_MS } from './send';

const BATCH = 20;
const MAX_PER_RUN = 200;
const LEASE_MS = 5 * 60_000;

/**
 * Delivers due webhook deliveries: claims a batch (FOR UPDATE SKIP LOCKED), POSTs each signed body, records the
 * response code; a failure is retried with backoff (1, 5, 25, 125 min, then 6 h), 'failed' after 10 attempts.
 */
export async function deliverWebhooks(ctx: JobContext, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<{ delivered: number; failed: number }> {
  const result = { delivered: 0, failed: 0 };
  while (result.delivered + result.failed < MAX_PER_RUN) {
    const batch = await ctx.store.transaction((tx) => tx.webhooks.claimDue(ctx.now, new Date(ctx.now.getTime() + LEASE_MS), BATCH));
    if (batch.length === 0) break;
    const attempts = await Promise.all(
      batch.map((d) => postWebhook({ url: d.url, secret: d.secret, deliveryId: d.id, event: d.event }, webhookBody(d.event, d.createdAt, d.payload), timeoutMs)),
    );
    for (const [i, d] of batch.entries()) {
      const attempt = attempts[i]!;
      if (attempt.error === null) {
        await ctx.store.webhooks.markDelivered(d.id, attempt.status!, ctx.now);
        result.delivered++;
      } else {
        await ctx.store.webhooks.markFailed(d.id, attempt.status, attempt.error, nextAttemptAt(ctx.now, d.attempts + 1));
        result.failed++;
      }
    }
  }
  return result;
}

/** Delivers pending webhook calls, signed, retrying failures with backoff. */
export const webhooksJob: Job = {
  name: 'webhooks',
  run: async (ctx) => {
    await deliverWebhooks(ctx);
  },
};
