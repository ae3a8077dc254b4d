import type { Actor } from '../../actor';
import { policy } from '../../policy';
import type { Store } from '../../ports';
import type { TemplateRecord } from './ports';

/** Every template, for anyone who reads evaluations at all (templates hold no one's data). */
export async function listTemplates(store: Store, actor: Actor): Promise<TemplateRecord[]> {
  policy.requireAtAll(actor, 'appraisal.read');
  return store.appraisal.setup.templates.list();
}
