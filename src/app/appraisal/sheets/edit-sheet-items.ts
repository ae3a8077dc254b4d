import { assertStepOpen, exactTotal, weightIssues } from '../../../core/appraisal';
import { issue, type Issue } from '../../../core/errors';
import type { Actor } from '../../actor';
import type { Store } from '../../ports';
import { refreshSheets } from '../results/refresh';
import { sheetFor } from './access';
import type { Names, SheetItemRecord, SheetRecord, TemplateGroupRecord } from './ports';
import { auditSheet, refuse } from './write-helpers';

interface ItemEditBase {
  id?: number | undefined;
  group: string;
  code: string;
  name: Names;
  weight: number;
}
export type ItemEdit = (ItemEditBase & { kind: 'kpi'; kpiCode: string }) | (ItemEditBase & { kind: 'rated'; scale: number; levels: Names[] });

export interface SheetItemsInput {
  groups: { code: string; weight: number }[];
  items: ItemEdit[];
}

/**
 * Per-person overrides of one sheet (appraisal.manage, not one's own sheet, while items may be edited): the
 * group weights and the full item list. Items with an id keep their target, agreement and reviews; items
 * without one are extras; items left out are removed. Weights total exactly 100 at each level (in decimal).
 * An item is `overridden` when it is an extra or its weight differs from the template's, a group when its
 * weight does.
 */
export async function editSheetItems(store: Store, actor: Actor, sheetId: number, input: SheetItemsInput): Promise<void> {
  await store.transaction(async (tx) => {
    const { sheet, cycle } = await sheetFor(tx, actor, sheetId, 'appraisal.manage', { notOwn: true, forUpdate: true });
    assertStepOpen(cycle, 'edit-items');
    const [items, template] = await Promise.all([tx.appraisal.sheets.items([sheetId]), tx.appraisal.sheets.templateGroups(sheet.templateId)]);
    const newKpiCodes = input.items.flatMap((i) => (i.kind === 'kpi' && i.id === undefined ? [i.kpiCode] : []));
    const kpis = await tx.appraisal.sheets.kpiIds(newKpiCodes);
    const issues = [...groupIssues(sheet, input), ...itemIssues(items, input, kpis)];
    if (issues.length > 0) throw refuse(issues);

    const existing = new Map(items.map((i) => [i.id, i]));
    const templateWeight = templateWeights(template);
    const kept = new Set(input.items.flatMap((i) => (i.id === undefined ? [] : [i.id])));
    await tx.appraisal.sheets.deleteItems(items.filter((i) => !kept.has(i.id)).map((i) => i.id));
    // Codes are unique per sheet: park renamed items on a free code first, so two items may swap codes.
    for (const e of input.items) {
      if (e.id !== undefined && existing.get(e.id)!.code !== e.code) await tx.appraisal.sheets.updateItem(e.id, { code: `~${e.id}` });
    }
    const fresh: Parameters<typeof tx.appraisal.sheets.insertItems>[1][number][] = [];
    for (const [sort, e] of input.items.entries()) {
      const rated = e.kind === 'rated' ? { scale: e.scale, levels: e.levels } : { scale: null, levels: null };
      if (e.id === undefined) {
        fresh.push({ group: e.group, code: e.code, name: e.name, sort, kind: e.kind, kpiId: e.kind === 'kpi' ? kpis.get(e.kpiCode)!.id : null, ...rated, weight: e.weight, overridden: true, extra: true });
        continue;
      }
      const before = existing.get(e.id)!;
      const inTemplate = templateWeight.get(`${e.group}|${e.code}`);
      const overridden = before.extra || inTemplate === undefined || !sameWeight(inTemplate, e.weight);
      await tx.appraisal.sheets.updateItem(e.id, { group: e.group, code: e.code, name: e.name, sort, weight: e.weight, overridden, ...(e.kind === 'rated' && rated) });
    }
    await tx.appraisal.sheets.insertItems(sheetId, fresh);
    const groupWeight = new Map(template.map((g) => [g.code, g.weight]));
    const groups = sheet.groups.map((g) => {
      const weight = input.groups.find((x) => x.code === g.code)!.weight;
      const base = groupWeight.get(g.code);
      return { ...g, weight, overridden: base === undefined || !sameWeight(base, weight) };
    });
    await tx.appraisal.sheets.updateSheet(sheetId, { groups });
    await auditSheet(
      tx,
      actor,
      'appraisal_sheets',
      sheetId,
      { groups: sheet.groups.map(({ code, weight }) => ({ code, weight })), items: items.map(({ id, group, code, weight }) => ({ id, group, code, weight })) },
      { groups: input.groups, items: input.items.map(({ id, group, code, weight }) => ({ id: id ?? null, group, code, weight })) },
    );
    await refreshSheets(tx, [sheetId]);
  });
}

const sameWeight = (a: number, b: number) => exactTotal([a]).value === exactTotal([b]).value;

function templateWeights(template: readonly TemplateGroupRecord[]): Map<string, number> {
  return new Map(template.flatMap((g) => g.items.map((i) => [`${g.code}|${i.code}`, i.weight] as const)));
}

function groupIssues(sheet: SheetRecord, input: SheetItemsInput): Issue[] {
  const out: Issue[] = [];
  const known = new Set(sheet.groups.map((g) => g.code));
  const given = new Set<string>();
  input.groups.forEach((g, i) => {
    if (!known.has(g.code)) out.push(issue(`groups.${i}.code`, 'APPRAISAL_GROUP_UNKNOWN', `Phiếu không có nhóm "${g.code}"`, `The sheet has no group "${g.code}"`));
    else if (given.has(g.code)) out.push(issue(`groups.${i}.code`, 'APPRAISAL_GROUP_REPEATED', `Nhóm "${g.code}" được gửi hai lần`, `Group "${g.code}" is given twice`));
    given.add(g.code);
  });
  for (const code of known) {
    if (!given.has(code)) out.push(issue('groups', 'APPRAISAL_GROUP_MISSING', `Thiếu trọng số của nhóm "${code}"`, `The weight of group "${code}" is missing`));
  }
  out.push(...weightIssues({ path: 'groups', label: { vi: 'các nhóm', en: 'the groups' } }, input.groups));
  for (const code of known) {
    const weights = input.items.filter((i) => i.group === code);
    if (given.has(code)) out.push(...weightIssues({ path: 'items', label: { vi: `các mục của nhóm "${code}"`, en: `the items of group "${code}"` } }, weights));
  }
  input.items.forEach((e, i) => {
    if (!known.has(e.group)) out.push(issue(`items.${i}.group`, 'APPRAISAL_GROUP_UNKNOWN', `Phiếu không có nhóm "${e.group}"`, `The sheet has no group "${e.group}"`));
  });
  return out;
}

function itemIssues(items: readonly SheetItemRecord[], input: SheetItemsInput, kpis: Map<string, { id: number; status: string }>): Issue[] {
  const out: Issue[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const codes = new Set<string>();
  const ids = new Set<number>();
  input.items.forEach((e, i) => {
    const at = `items.${i}`;
    if (codes.has(e.code)) out.push(issue(`${at}.code`, 'APPRAISAL_ITEM_REPEATED', `Mã mục "${e.code}" bị trùng`, `Item code "${e.code}" is repeated`));
    codes.add(e.code);
    if (e.kind === 'rated' && e.levels.length !== 0 && e.levels.length !== e.scale) {
      out.push(issue(`${at}.levels`, 'APPRAISAL_LEVELS_INVALID', `Mục "${e.code}": cần ${e.scale} mô tả mức (một cho mỗi mức) hoặc không có`, `Item "${e.code}": give ${e.scale} level descriptors (one per level) or none`));
    }
    if (e.id === undefined) {
      if (e.kind === 'kpi') {
        const kpi = kpis.get(e.kpiCode);
        if (!kpi || kpi.status === 'archived') out.push(issue(`${at}.kpiCode`, 'APPRAISAL_KPI_UNKNOWN', `Không có KPI đang dùng mã "${e.kpiCode}"`, `There is no active KPI "${e.kpiCode}"`));
      }
      return;
    }
    const before = byId.get(e.id);
    if (!before) {
      out.push(issue(`${at}.id`, 'APPRAISAL_ITEM_UNKNOWN', `Mục #${e.id} không thuộc phiếu này`, `Item #${e.id} is not on this sheet`));
      return;
    }
    if (ids.has(e.id)) out.push(issue(`${at}.id`, 'APPRAISAL_ITEM_REPEATED', `Mục #${e.id} được gửi hai lần`, `Item #${e.id} is given twice`));
    ids.add(e.id);
    if (before.kind !== e.kind || (e.kind === 'kpi' && before.kpiCode !== e.kpiCode)) {
      out.push(
        issue(`${at}.kind`, 'APPRAISAL_ITEM_CHANGED', `Mục "${before.code}" không đổi được loại hay KPI: hãy bỏ mục và thêm mục mới`, `Item "${before.code}" cannot change its kind or KPI: remove it and add a new one`),
      );
    } else if (e.kind === 'rated' && Math.max(before.selfRating ?? 0, before.managerRating ?? 0) > e.scale) {
      out.push(issue(`${at}.scale`, 'APPRAISAL_SCALE_TOO_SMALL', `Mục "${e.code}" đã có điểm lớn hơn thang ${e.scale}`, `Item "${e.code}" already has a rating above the scale of ${e.scale}`));
    }
  });
  return out;
}
