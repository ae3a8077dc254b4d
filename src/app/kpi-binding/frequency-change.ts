import type { Actor } from '../actor';
import type { KpiRecord, Store } from '../ports';
import { recomputeBinding, type RecomputeResult } from './recompute';

/**
 * After a bound KPI's frequency changed, its values are of the old period kind: every period is recomputed
 * in the new kind, which also removes the dataset values of the old kind. Null when nothing had to be done.
 */
export async function recomputeOnNewFrequency(store: Store, actor: Actor, before: KpiRecord, after: KpiRecord): Promise<RecomputeResult | null> {
  if (after.source !== 'dataset' || !after.frequency || before.frequency === after.frequency) return null;
  const binding = await store.kpiBindings.get(after.id);
  if (!binding) return null;
  return recomputeBinding(store, { userId: actor.user.id || null, name: actor.user.name }, after, binding, null);
}
