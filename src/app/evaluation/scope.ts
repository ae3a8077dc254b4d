import type { Actor } from '../actor';
import { forbidden, policy } from '../policy';
import type { Store, TargetScope } from '../ports';
import { resolveScope } from '../scope';

/**
 * Company numbers are shared goals everyone sees; unit numbers follow the org tree
 * (`policy.canReadUnitNumbers`); a person's numbers are theirs, their managers' and admins'.
 */
export async function requireReadScope(store: Store, actor: Actor, scope: TargetScope): Promise<void> {
  const target = await resolveScope(store, scope);
  if (target.scope.type === 'company') return;
  if (target.person) {
    if (!policy.canSeePerson(actor, target.person)) throw forbidden();
    return;
  }
  if (!policy.canReadUnitNumbers(actor, target.unitId!)) throw forbidden();
}
