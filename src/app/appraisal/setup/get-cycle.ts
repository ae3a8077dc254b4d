import type { Actor } from '../../actor';
import { notFound, policy } from '../../policy';
import type { Store } from '../../ports';
import { cycleViews, type CycleView } from './cycle-views';
import { CYCLE } from './errors';

export async function getCycle(store: Store, actor: Actor, id: number): Promise<CycleView> {
  policy.requireAtAll(actor, 'appraisal.read');
  const cycle = await store.appraisal.cycles.get(id);
  if (!cycle) throw notFound(CYCLE, id);
  return (await cycleViews(store, actor, [cycle]))[0]!;
}
