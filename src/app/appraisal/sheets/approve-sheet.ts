import { assertStepOpen } from '../../../core/appraisal';
import { DomainError } from '../../../core/errors';
import type { Actor } from '../../actor';
import type { Store } from '../../ports';
import { sheetFor } from './access';
import { auditSheet, conflict } from './write-helpers';

/**
 * Second-level approval (phê duyệt cấp hai) of a reviewed sheet, when the cycle asks for one: appraisal.review
 * on the person, never one's own sheet, and never by the one who reviewed it.
 */
export async function approveSheet(store: Store, actor: Actor, sheetId: number, now: Date): Promise<void> {
  await store.transaction(async (tx) => {
    const { sheet, cycle } = await sheetFor(tx, actor, sheetId, 'appraisal.review', { notOwn: true, forUpdate: true });
    assertStepOpen(cycle, 'approve');
    if (!cycle.secondApproval) {
      throw conflict('APPRAISAL_NO_SECOND_APPROVAL', `Kỳ "${cycle.name}" không có bước phê duyệt cấp hai.`, `The cycle "${cycle.name}" has no second-level approval.`);
    }
    if (sheet.reviewedAt === null) {
      throw conflict('APPRAISAL_NOT_REVIEWED', 'Phiếu chưa được quản lý đánh giá xong nên chưa thể phê duyệt.', 'The sheet has no submitted manager review to approve yet.');
    }
    if (sheet.reviewedBy === actor.user.id) {
      throw new DomainError('APPRAISAL_OWN_REVIEW', {
        vi: 'Bạn đã đánh giá phiếu này: phê duyệt cấp hai phải do người khác thực hiện.',
        en: 'You reviewed this sheet: the second-level approval must come from someone else.',
      });
    }
    if (sheet.approvedAt !== null) {
      throw conflict('APPRAISAL_ALREADY_APPROVED', 'Phiếu đã được phê duyệt.', 'The sheet is already approved.');
    }
    await tx.appraisal.sheets.updateSheet(sheetId, { approvedAt: now, approvedBy: actor.user.id });
    await auditSheet(tx, actor, 'appraisal_sheets', sheetId, { approvedAt: null }, { approvedAt: now.toISOString(), approvedBy: actor.user.id });
  });
}
