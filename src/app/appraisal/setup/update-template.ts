import { auditActor, type Actor } from '../../actor';
import { COMPANY, notFound, policy } from '../../policy';
import type { Store } from '../../ports';
import { checkTemplate } from './check-template';
import { codeTaken, TEMPLATE, templateArchived } from './errors';
import type { TemplateInput, TemplateRecord } from './ports';

/** Replaces a template. Sheets already assigned keep their own copy (they are not changed). */
export async function updateTemplate(store: Store, actor: Actor, id: number, input: TemplateInput): Promise<TemplateRecord> {
  policy.require(actor, 'appraisal.setup', COMPANY);
  return store.transaction(async (tx) => {
    const before = await tx.appraisal.setup.templates.get(id);
    if (!before) throw notFound(TEMPLATE, id);
    if (before.archived) throw templateArchived(before.name);
    const holder = await tx.appraisal.setup.templates.idByCode(input.code);
    if (holder !== null && holder !== id) throw codeTaken(TEMPLATE, input.code);
    await checkTemplate(tx, input);
    await tx.appraisal.setup.templates.update(id, input);
    const after = (await tx.appraisal.setup.templates.get(id))!;
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'appraisal_template', entityId: String(id), before: asInput(before), after: input }]);
    return after;
  });
}

const asInput = (t: TemplateRecord): TemplateInput => ({ code: t.code, name: t.name, positionId: t.positionId, groups: t.groups });
