import { issue, type Issue } from '../../../core/errors';
import type { SheetItemRecord } from './ports';

export interface ReviewEntry {
  id: number;
  rating?: number | null | undefined;
  comment: string;
}

/**
 * Checks ratings and comments given for a sheet's items: each id is an item of the sheet, given once; only
 * rated items take a rating, within 1…scale. Returns the items by id for the caller.
 */
export function reviewIssues(items: readonly SheetItemRecord[], entries: readonly ReviewEntry[]): { issues: Issue[]; byId: Map<number, SheetItemRecord> } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<number>();
  const issues: Issue[] = [];
  entries.forEach((e, n) => {
    const item = byId.get(e.id);
    if (!item) {
      issues.push(issue(`items.${n}.id`, 'APPRAISAL_ITEM_UNKNOWN', `Mục #${e.id} không thuộc phiếu này`, `Item #${e.id} is not on this sheet`));
      return;
    }
    if (seen.has(e.id)) issues.push(issue(`items.${n}.id`, 'APPRAISAL_ITEM_REPEATED', `Mục "${item.code}" được gửi hai lần`, `Item "${item.code}" is given twice`));
    seen.add(e.id);
    if (e.rating === undefined || e.rating === null) return;
    if (item.kind !== 'rated') {
      issues.push(issue(`items.${n}.rating`, 'APPRAISAL_RATING_NOT_RATED', `Mục "${item.code}" là KPI: được chấm theo số liệu, không chấm điểm`, `Item "${item.code}" is a KPI: it is scored from its values, not rated`));
    } else if (e.rating < 1 || e.rating > item.scale!) {
      issues.push(
        issue(
          `items.${n}.rating`,
          'APPRAISAL_RATING_OUT_OF_SCALE',
          `Điểm của "${item.code}" phải từ 1 đến ${item.scale} (nhận được: ${e.rating})`,
          `The rating of "${item.code}" must be from 1 to ${item.scale} (got: ${e.rating})`,
        ),
      );
    }
  });
  return { issues, byId };
}

/** At submit every rated item needs a rating (`rating` picks the self or manager one). */
export function missingRatings(items: readonly SheetItemRecord[], rating: (i: SheetItemRecord) => number | null): Issue[] {
  return items
    .filter((i) => i.kind === 'rated' && rating(i) === null)
    .map((i) => issue(`items`, 'APPRAISAL_RATING_REQUIRED', `Chưa chấm điểm mục "${i.code}"`, `Item "${i.code}" is not rated yet`));
}
