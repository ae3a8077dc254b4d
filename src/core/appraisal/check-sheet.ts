import { issue, type Issue } from '../errors';
import { DEFAULT_CAP, DEFAULT_FLOOR } from '../scoring';
import { weightIssues } from './weights';
import type { Sheet, SheetItem } from './types';

/**
 * Everything that makes a sheet impossible to score: weights (non-negative, totalling exactly 100 at each
 * level), a scale that is not a whole number ≥ 2, a rating outside 1…scale, repeated codes, empty groups.
 */
export function sheetIssues(sheet: Sheet): Issue[] {
  const out: Issue[] = [];
  if (sheet.groups.length === 0) {
    return [issue('groups', 'APPRAISAL_SHEET_EMPTY', 'Phiếu đánh giá cần ít nhất một nhóm', 'An evaluation sheet needs at least one group')];
  }
  out.push(...weightIssues({ path: 'groups', label: { vi: 'các nhóm', en: 'the groups' } }, sheet.groups));
  const codes = new Set<string>();
  const repeated = (path: string, code: string) => {
    if (codes.has(code)) out.push(issue(path, 'APPRAISAL_CODE_REPEATED', `Mã "${code}" xuất hiện nhiều lần trong phiếu`, `Code "${code}" appears more than once on the sheet`));
    codes.add(code);
  };
  sheet.groups.forEach((group, g) => {
    repeated(`groups.${g}.code`, group.code);
    if (group.items.length === 0) {
      out.push(issue(`groups.${g}.items`, 'APPRAISAL_GROUP_EMPTY', `Nhóm "${group.code}" chưa có mục nào`, `Group "${group.code}" has no items`));
      return;
    }
    out.push(
      ...weightIssues({ path: `groups.${g}.items`, label: { vi: `các mục trong nhóm "${group.code}"`, en: `the items of group "${group.code}"` } }, group.items),
    );
    group.items.forEach((item, i) => {
      repeated(`groups.${g}.items.${i}.code`, item.code);
      out.push(...itemIssues(item, `groups.${g}.items.${i}`));
    });
  });
  return out;
}

function itemIssues(item: SheetItem, path: string): Issue[] {
  if (item.kind === 'kpi') {
    const floor = item.floor ?? DEFAULT_FLOOR;
    const cap = item.cap ?? DEFAULT_CAP;
    if (Number.isFinite(floor) && Number.isFinite(cap) && floor <= cap) return [];
    return [
      issue(`${path}.cap`, 'APPRAISAL_FLOOR_ABOVE_CAP', `Điểm sàn của "${item.code}" phải nhỏ hơn hoặc bằng điểm trần (sàn ${floor}, trần ${cap})`, `The floor of "${item.code}" must not exceed its cap (floor ${floor}, cap ${cap})`),
    ];
  }
  if (!Number.isInteger(item.scale) || item.scale < 2 || item.scale > 100) {
    return [
      issue(`${path}.scale`, 'APPRAISAL_SCALE_INVALID', `Thang điểm của "${item.code}" phải là số nguyên từ 2 đến 100 (nhận được: ${item.scale})`, `The scale of "${item.code}" must be a whole number from 2 to 100 (got: ${item.scale})`),
    ];
  }
  const r = item.rating;
  if (r !== undefined && r !== null && !(Number.isFinite(r) && r >= 1 && r <= item.scale)) {
    return [
      issue(
        `${path}.rating`,
        'APPRAISAL_RATING_OUT_OF_SCALE',
        `Mức đánh giá của "${item.code}" phải từ 1 đến ${item.scale} (nhận được: ${r})`,
        `The rating of "${item.code}" must be from 1 to ${item.scale} (got: ${r})`,
      ),
    ];
  }
  return [];
}
