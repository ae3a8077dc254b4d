import { auditActor, type Actor } from '../../actor';
import { COMPANY, policy } from '../../policy';
import type { Store } from '../../ports';
import { checkTemplate } from './check-template';
import { codeTaken, TEMPLATE } from './errors';
import type { TemplateInput, TemplateRecord } from './ports';

export async function createTemplate(store: Store, actor: Actor, input: TemplateInput): Promise<TemplateRecord> {
  policy.require(actor, 'appraisal.setup', COMPANY);
  return store.transaction(async (tx) => {
    if ((await tx.appraisal.setup.templates.idByCode(input.code)) !== null) throw codeTaken(TEMPLATE, input.code);
    await checkTemplate(tx, input);
    const id = await tx.appraisal.setup.templates.create(input);
    const created = (await tx.appraisal.setup.templates.get(id))!;
    await tx.audit.record([{ ...auditActor(actor), action: 'create', entity: 'appraisal_template', entityId: String(id), before: null, after: input }]);
    return created;
  });
}
