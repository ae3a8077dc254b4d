import type { Actor } from '../actor';
import { policy, scopeTargetOf } from '../policy';
import type { Store, TargetScope } from '../ports';
import { resolveScope } from '../scope';

/** Reading a scope's numbers (targets, actuals, scores): the `numbers.read` row of the permission table. */
export async function requireReadScope(store: Store, actor: Actor, scope: TargetScope): Promise<void> {
  policy.require(actor, 'numbers.read', scopeTargetOf(await resolveScope(store, scope)));
}
