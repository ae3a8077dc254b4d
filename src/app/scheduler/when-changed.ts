import { localDate } from '../../core/period';
import { localHour } from '../../core/calendar';
import { getCompany } from '../company/company';
import type { Store } from '../ports';
import type { Job, JobContext } from './job';

/**
 * A job whose outcome depends only on the data (its data version, migration 0013) and on the company's local day
 * and whether 09:00 has passed: reminders and red alerts. Runs it again only when one of those changed since its
 * last successful run with this store; a tick in between does nothing (a full pass over a 10,000-person company
 * takes seconds, and the runner ticks every minute). A failed run is not remembered, so the next tick retries.
 */
export function whenChanged(job: Job, fromHour: number): Job {
  const last = new WeakMap<Store, string>();
  return {
    name: job.name,
    async run(ctx: JobContext) {
      const stamp = await situation(ctx, fromHour);
      if (last.get(ctx.store) === stamp) return;
      await job.run(ctx);
      last.set(ctx.store, stamp);
    },
  };
}

async function situation({ store, now }: JobContext, fromHour: number): Promise<string> {
  // The version first: data committed after it is read changes it again, so the run sees at least this version.
  const version = await store.dataVersion.read();
  const { timezone } = await getCompany(store);
  return `${version}|${localDate(now, timezone)}|${localHour(now, timezone) >= fromHour}`;
}
