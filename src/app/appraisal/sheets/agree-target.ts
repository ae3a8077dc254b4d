import { assertStepOpen } from '../../../core/appraisal';
import { agreementParty, nextAgreement, type AgreementAction } from '../../../core/appraisal/agreement';
import { DomainError } from '../../../core/errors';
import { auditActor, type Actor } from '../../actor';
import { notFound } from '../../policy';
import type { Store } from '../../ports';
import { tellTargetProposed } from '../../notifications/appraisal-notices';
import { refreshSheets } from '../results/refresh';
import { sheetFor } from './access';
import { auditSheet } from './write-helpers';

export interface AgreementInput {
  action: AgreementAction;
  value?: number | undefined;
  reason: string;
}

const ITEM = { vi: 'mục trên phiếu', en: 'Sheet item' };

/**
 * One step of a KPI item's target agreement (core/appraisal/agreement.ts): the manager side proposes,
 * revises, finalizes and accepts a counter-proposal (appraisal.manage, never on their own sheet); the
 * sheet's person accepts a proposal or counter-proposes (appraisal.agree). Every step is kept as a version.
 */
export async function agreeTarget(store: Store, actor: Actor, sheetId: number, itemId: number, input: AgreementInput): Promise<void> {
  await store.transaction(async (tx) => {
    // Lock the sheet first: who takes the step depends on the item's status, which must not move meanwhile.
    const found = await tx.appraisal.sheets.find(sheetId, { forUpdate: true });
    if (!found) throw notFound({ vi: 'phiếu đánh giá', en: 'Evaluation sheet' }, sheetId);
    const item = (await tx.appraisal.sheets.items([sheetId])).find((i) => i.id === itemId);
    const party = agreementParty(item?.targetStatus ?? 'none', input.action);
    const { cycle } =
      party === 'manager'
        ? await sheetFor(tx, actor, sheetId, 'appraisal.manage', { notOwn: true })
        : await sheetFor(tx, actor, sheetId, 'appraisal.agree');
    if (!item) throw notFound(ITEM, itemId);
    assertStepOpen(cycle, party === 'manager' ? 'propose' : 'agree');
    if (item.kind !== 'kpi') {
      throw new DomainError('APPRAISAL_ITEM_NOT_KPI', {
        vi: `Mục "${item.code}" là tiêu chí chấm điểm: chỉ mục KPI mới có chỉ tiêu.`,
        en: `Item "${item.code}" is a rated item: only KPI items have targets.`,
      });
    }
    const current = item;
    const outcome = nextAgreement(current.targetStatus, current.target, input);
    await tx.appraisal.sheets.updateItem(itemId, { target: outcome.target, targetStatus: outcome.status });
    const version = await tx.appraisal.sheets.appendVersion({
      itemId,
      action: input.action,
      value: outcome.value,
      reason: input.reason,
      status: outcome.status,
      ...auditActor(actor),
    });
    await auditSheet(
      tx,
      actor,
      'appraisal_items',
      itemId,
      { target: current.target, targetStatus: current.targetStatus },
      { target: outcome.target, targetStatus: outcome.status, action: input.action, reason: input.reason, version },
    );
    if (outcome.target !== current.target) await refreshSheets(tx, [sheetId]);
    if (input.action === 'propose' || input.action === 'revise') await tellTargetProposed(tx, found, item, version, outcome.target, new Date());
  });
}
