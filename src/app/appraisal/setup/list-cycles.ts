import type { Actor } from '../../actor';
import { policy } from '../../policy';
import type { Store } from '../../ports';
import { cycleViews, type CycleView } from './cycle-views';

/** Every cycle (newest first), for anyone who reads evaluations at all; `sheets` counts only what they may read. */
export async function listCycles(store: Store, actor: Actor): Promise<CycleView[]> {
  policy.requireAtAll(actor, 'appraisal.read');
  return cycleViews(store, actor, await store.appraisal.setup.cycles.list());
}
