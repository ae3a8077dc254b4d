import { auditActor, type Actor } from '../../actor';
import { COMPANY, notFound, policy } from '../../policy';
import type { Store } from '../../ports';
import { TEMPLATE } from './errors';
import type { TemplateRecord } from './ports';

/** Archives a template: it can no longer be assigned; sheets made from it stay. Archiving twice changes nothing. */
export async function archiveTemplate(store: Store, actor: Actor, id: number): Promise<TemplateRecord> {
  policy.require(actor, 'appraisal.setup', COMPANY);
  return store.transaction(async (tx) => {
    const before = await tx.appraisal.setup.templates.get(id);
    if (!before) throw notFound(TEMPLATE, id);
    if (before.archived) return before;
    await tx.appraisal.setup.templates.archive(id);
    await tx.audit.record([{ ...auditActor(actor), action: 'archive', entity: 'appraisal_template', entityId: String(id), before: { archived: false }, after: { archived: true } }]);
    return { ...before, archived: true };
  });
}
