import { loadWorkingCalendar } from '../calendar/settings';
import { getCompany } from '../company/company';
import type { Store } from '../ports';
import type { Job } from '../scheduler/job';
import { dueRun, type Cadence } from './schedule';
import { sendSubscription, type SendOutcome } from './send';

export interface SubscriptionsRunResult {
  sent: { subscriptionId: number; userId: number; report: string; key: string; period: string }[];
  skipped: { subscriptionId: number; reason: Exclude<SendOutcome, 'sent'> | 'failed' }[];
}

/** Sends every subscription due at `now` that was not sent for its run yet (docs/subscriptions.md). */
export async function runSubscriptions(store: Store, now: Date): Promise<SubscriptionsRunResult> {
  const [company, working] = await Promise.all([getCompany(store), loadWorkingCalendar(store)]);
  const calendar = { ...working, timeZone: company.timezone };
  const result: SubscriptionsRunResult = { sent: [], skipped: [] };
  for (const cadence of ['weekly', 'monthly'] as const satisfies readonly Cadence[]) {
    const run = dueRun(cadence, now, calendar);
    if (!run) continue;
    for (const sub of await store.subscriptions.listByCadence(cadence)) {
      if (sub.lastSentKey === run.key) continue;
      let outcome: SendOutcome | 'failed';
      try {
        outcome = await sendSubscription(store, sub, run, now);
      } catch {
        outcome = 'failed'; // rolled back: tried again at the next tick
      }
      if (outcome === 'sent') result.sent.push({ subscriptionId: sub.id, userId: sub.userId, report: sub.report, key: run.key, period: run.periodKey });
      else result.skipped.push({ subscriptionId: sub.id, reason: outcome });
    }
  }
  return result;
}

/** Sends the report subscriptions and management digests that are due. */
export const subscriptionsJob: Job = {
  name: 'subscriptions',
  run: async ({ store, now }) => {
    await runSubscriptions(store, now);
  },
};
