import { assertStepOpen } from '../../../core/appraisal';
import { issue } from '../../../core/errors';
import type { Actor } from '../../actor';
import type { Store } from '../../ports';
import { refreshSheets } from '../results/refresh';
import { sheetFor } from './access';
import { missingRatings, reviewIssues, type ReviewEntry } from './review-items';
import { auditSheet, conflict, refuse } from './write-helpers';

/**
 * The manager review (Quản lý đánh giá), in the review phase, by someone with appraisal.review on the
 * person and never on their own sheet: a rating and comment per item; a comment is required wherever the
 * manager's rating differs from the self rating. `submit` stamps who reviewed it and when.
 */
export async function reviewSheet(store: Store, actor: Actor, sheetId: number, input: { items: ReviewEntry[]; submit: boolean }, now: Date): Promise<void> {
  await store.transaction(async (tx) => {
    const { sheet, cycle } = await sheetFor(tx, actor, sheetId, 'appraisal.review', { notOwn: true, forUpdate: true });
    assertStepOpen(cycle, 'review');
    if (sheet.reviewedAt !== null) {
      throw conflict('APPRAISAL_ALREADY_SUBMITTED', 'Phiếu đã được quản lý đánh giá xong; không sửa được nữa.', 'The manager review was submitted; it can no longer be edited.');
    }
    const items = await tx.appraisal.sheets.items([sheetId]);
    const { issues, byId } = reviewIssues(items, input.items);
    input.items.forEach((e, n) => {
      const item = byId.get(e.id);
      if (!item || item.kind !== 'rated') return;
      const rating = e.rating === undefined ? item.managerRating : e.rating;
      if (rating !== null && item.selfRating !== null && rating !== item.selfRating && e.comment.trim() === '') {
        issues.push(
          issue(
            `items.${n}.comment`,
            'APPRAISAL_COMMENT_REQUIRED',
            `Mục "${item.code}": điểm của quản lý (${rating}) khác điểm tự đánh giá (${item.selfRating}), cần ghi nhận xét`,
            `Item "${item.code}": the manager's rating (${rating}) differs from the self rating (${item.selfRating}); a comment is required`,
          ),
        );
      }
    });
    if (issues.length > 0) throw refuse(issues);
    const after = items.map((i) => {
      const e = input.items.find((x) => x.id === i.id);
      return e ? { ...i, managerRating: e.rating === undefined ? i.managerRating : e.rating } : i;
    });
    if (input.submit) {
      const missing = missingRatings(after, (i) => i.managerRating);
      if (missing.length > 0) throw refuse(missing);
    }
    for (const e of input.items) {
      const item = byId.get(e.id)!;
      await tx.appraisal.sheets.updateItem(e.id, { managerComment: e.comment, ...(e.rating !== undefined && item.kind === 'rated' && { managerRating: e.rating }) });
    }
    if (input.submit) await tx.appraisal.sheets.updateSheet(sheetId, { reviewedAt: now, reviewedBy: actor.user.id });
    await auditSheet(
      tx,
      actor,
      'appraisal_sheets',
      sheetId,
      { review: input.items.map((e) => ({ id: e.id, rating: byId.get(e.id)!.managerRating, comment: byId.get(e.id)!.managerComment })) },
      { review: input.items.map((e) => ({ id: e.id, rating: e.rating ?? byId.get(e.id)!.managerRating, comment: e.comment })), submitted: input.submit },
    );
    await refreshSheets(tx, [sheetId]);
  });
}
