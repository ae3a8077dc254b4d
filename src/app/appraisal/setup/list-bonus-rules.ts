import type { Actor } from '../../actor';
import { policy } from '../../policy';
import type { Store } from '../../ports';
import type { BonusRuleRecord } from './ports';

/** Every version of the bonus rule, newest effective date first, for anyone who sees pay at all. */
export async function listBonusRules(store: Store, actor: Actor): Promise<BonusRuleRecord[]> {
  policy.requireAtAll(actor, 'appraisal.pay');
  return store.appraisal.setup.bonusRules.list();
}
