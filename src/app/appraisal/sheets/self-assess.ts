import { assertStepOpen } from '../../../core/appraisal';
import type { Actor } from '../../actor';
import { tellSelfAssessed } from '../../notifications/appraisal-notices';
import type { Store } from '../../ports';
import { sheetFor } from './access';
import { missingRatings, reviewIssues, type ReviewEntry } from './review-items';
import { auditSheet, conflict, refuse } from './write-helpers';

/**
 * The person's self-assessment (Tự đánh giá) on their own sheet (appraisal.agree), in the self-assessment
 * phase: a comment per item, a rating (1…scale) for rated items. `submit` stamps it; after that it is final.
 */
export async function selfAssess(store: Store, actor: Actor, sheetId: number, input: { items: ReviewEntry[]; submit: boolean }, now: Date): Promise<void> {
  await store.transaction(async (tx) => {
    const { sheet, cycle } = await sheetFor(tx, actor, sheetId, 'appraisal.agree', { forUpdate: true });
    assertStepOpen(cycle, 'self-assess');
    if (sheet.selfSubmittedAt !== null) {
      throw conflict('APPRAISAL_ALREADY_SUBMITTED', 'Bạn đã gửi bản tự đánh giá; không sửa được nữa.', 'The self-assessment was submitted; it can no longer be edited.');
    }
    const items = await tx.appraisal.sheets.items([sheetId]);
    const { issues, byId } = reviewIssues(items, input.items);
    if (issues.length > 0) throw refuse(issues);
    const after = items.map((i) => {
      const e = input.items.find((x) => x.id === i.id);
      return e ? { ...i, selfRating: e.rating === undefined ? i.selfRating : e.rating, selfComment: e.comment } : i;
    });
    if (input.submit) {
      const missing = missingRatings(after, (i) => i.selfRating);
      if (missing.length > 0) throw refuse(missing);
    }
    for (const e of input.items) {
      const item = byId.get(e.id)!;
      await tx.appraisal.sheets.updateItem(e.id, { selfComment: e.comment, ...(e.rating !== undefined && item.kind === 'rated' && { selfRating: e.rating }) });
    }
    if (input.submit) await tx.appraisal.sheets.updateSheet(sheetId, { selfSubmittedAt: now });
    if (input.submit) await tellSelfAssessed(tx, sheet, now);
    await auditSheet(
      tx,
      actor,
      'appraisal_sheets',
      sheetId,
      { self: input.items.map((e) => ({ id: e.id, rating: byId.get(e.id)!.selfRating, comment: byId.get(e.id)!.selfComment })) },
      { self: input.items.map((e) => ({ id: e.id, rating: e.rating ?? byId.get(e.id)!.selfRating, comment: e.comment })), submitted: input.submit || sheet.selfSubmittedAt !== null },
    );
  });
}
