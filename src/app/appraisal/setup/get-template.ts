import type { Actor } from '../../actor';
import { notFound, policy } from '../../policy';
import type { Store } from '../../ports';
import { TEMPLATE } from './errors';
import type { TemplateRecord } from './ports';

export async function getTemplate(store: Store, actor: Actor, id: number): Promise<TemplateRecord> {
  policy.requireAtAll(actor, 'appraisal.read');
  const template = await store.appraisal.setup.templates.get(id);
  if (!template) throw notFound(TEMPLATE, id);
  return template;
}
