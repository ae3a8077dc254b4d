import type { z } from 'zod';
import { gradeOf, isLocked, stepOpen, type CycleRecord } from '../../../core/appraisal';
import { itemPace } from '../../../core/appraisal/item-pace';
import type { IsoDate } from '../../../core/period';
import type { Sheet, SheetItem, SheetSummary } from '../../../contract/appraisal';
import type { Actor } from '../../actor';
import { policy } from '../../policy';
import { isOwnSheet, sheetTarget } from './access';
import type { AgreementVersionRecord, CalibrationRecord, SheetItemRecord, SheetRecord } from './ports';
import type { CycleView } from '../setup/cycle-views';

export type SheetSummaryView = z.infer<typeof SheetSummary>;
export type SheetView = z.infer<typeof Sheet>;
type SheetItemView = z.infer<typeof SheetItem>;

/**
 * What the reader may see of a sheet's results. The sheet's own person sees no score, grade, bonus,
 * calibration or manager review before the cycle is published (then both reviews); bonuses are shown to
 * those with appraisal.pay on the person and to the person themself.
 */
export function sightOf(actor: Actor, sheet: SheetRecord, cycle: Pick<CycleRecord, 'phase'>) {
  const own = isOwnSheet(actor, sheet);
  const results = !own || cycle.phase === 'published';
  return { own, results, money: own || policy.can(actor, 'appraisal.pay', sheetTarget(sheet)) };
}

export function presentSummary(actor: Actor, sheet: SheetRecord, cycle: Pick<CycleRecord, 'phase' | 'bands'>): SheetSummaryView {
  const see = sightOf(actor, sheet, cycle);
  const grade = sheet.calibratedGrade ?? sheet.grade;
  // The stored grade already is the calibrated one; before calibration it was the bands' grade of the score.
  const byBands = sheet.calibratedGrade !== null && sheet.score !== null ? gradeOf(sheet.score, cycle.bands) : null;
  return {
    id: sheet.id,
    cycleId: sheet.cycleId,
    personId: sheet.personId,
    personName: sheet.personName,
    personCode: sheet.personEmail,
    unitId: sheet.unitId,
    unitName: sheet.unitName,
    positionName: sheet.positionName,
    templateId: sheet.templateId,
    templateName: sheet.templateName,
    reviewerId: sheet.reviewerId,
    reviewerName: sheet.reviewerName,
    startsOn: sheet.startsOn,
    endsOn: sheet.endsOn,
    items: sheet.items,
    agreedItems: sheet.agreedItems,
    selfSubmitted: sheet.selfSubmittedAt !== null,
    reviewed: sheet.reviewedAt !== null,
    ownScore: see.results ? sheet.ownScore : null,
    score: see.results ? sheet.score : null,
    grade: see.results ? grade : null,
    gradeBeforeCalibration: see.results ? byBands : null,
    coefficient: see.results ? sheet.coefficient : null,
    bonusBase: see.money ? sheet.bonusBase : null,
    bonus: see.results && see.money ? sheet.bonus : null,
  };
}

/** The actions the reader may take on the sheet now: permission table + phase + own-sheet rule. */
export function sheetCan(actor: Actor, sheet: SheetRecord, cycle: CycleRecord): SheetView['can'] {
  const target = sheetTarget(sheet);
  const own = isOwnSheet(actor, sheet);
  const managerSide = (action: 'appraisal.manage' | 'appraisal.review' | 'appraisal.calibrate') => !own && policy.can(actor, action, target);
  return {
    propose: managerSide('appraisal.manage') && stepOpen(cycle, 'propose'),
    agree: policy.can(actor, 'appraisal.agree', target) && stepOpen(cycle, 'agree'),
    selfAssess: policy.can(actor, 'appraisal.agree', target) && stepOpen(cycle, 'self-assess') && sheet.selfSubmittedAt === null,
    review: managerSide('appraisal.review') && stepOpen(cycle, 'review') && sheet.reviewedAt === null,
    approve:
      managerSide('appraisal.review') && cycle.secondApproval && stepOpen(cycle, 'approve') && sheet.reviewedAt !== null && sheet.approvedAt === null && sheet.reviewedBy !== actor.user.id,
    calibrate: managerSide('appraisal.calibrate') && stepOpen(cycle, 'calibrate'),
    editItems: managerSide('appraisal.manage') && stepOpen(cycle, 'edit-items'),
    setBonusBase: policy.can(actor, 'appraisal.setup', target) && stepOpen(cycle, 'bonus-base'),
  };
}

export interface SheetParts {
  items: SheetItemRecord[];
  versions: AgreementVersionRecord[];
  calibrations: CalibrationRecord[];
  /** The company's today, for the pace of KPI items. */
  today: IsoDate;
}

export function presentSheet(actor: Actor, sheet: SheetRecord, cycle: CycleRecord, cycleView: CycleView, parts: SheetParts): SheetView {
  const see = sightOf(actor, sheet, cycle);
  const open = !isLocked(cycle);
  const history = new Map<number, AgreementVersionRecord[]>();
  for (const v of parts.versions) history.set(v.itemId, [...(history.get(v.itemId) ?? []), v]);
  const items = parts.items.filter((i) => i.sheetId === sheet.id).map((i): SheetItemView => {
    const ratedHidden = i.kind === 'rated' && !see.results;
    return {
      id: i.id,
      group: i.group,
      code: i.code,
      name: i.name,
      kind: i.kind,
      kpiCode: i.kpiCode,
      unit: i.kpiUnit,
      direction: i.direction === 'increase' || i.direction === 'decrease' ? i.direction : null,
      scale: i.scale,
      levels: i.levels,
      weight: i.weight,
      overridden: i.overridden,
      extra: i.extra,
      target: i.target,
      targetStatus: i.targetStatus,
      agreement: (history.get(i.id) ?? []).map(({ itemId: _item, ...v }) => v),
      actual: i.actual,
      pace: i.kind === 'kpi' && open ? itemPace(cycle, i, parts.today) : null,
      achievement: ratedHidden ? null : i.achievement,
      score: ratedHidden ? null : i.score,
      selfRating: i.selfRating,
      selfComment: i.selfComment,
      managerRating: see.results ? i.managerRating : null,
      managerComment: see.results ? i.managerComment : '',
    };
  });
  return {
    ...presentSummary(actor, sheet, cycle),
    cycle: cycleView,
    missing: cycle.missing,
    groups: sheet.groups.map((g) => ({ code: g.code, name: g.name, weight: g.weight, overridden: g.overridden, score: see.results ? (g.score ?? null) : null })),
    items,
    itemCount: items.length,
    selfSubmittedAt: sheet.selfSubmittedAt,
    reviewedAt: sheet.reviewedAt,
    calibrations: see.results
      ? parts.calibrations.filter((c) => c.sheetId === sheet.id).map(({ sheetId: _sheet, ...c }) => c)
      : [],
    can: sheetCan(actor, sheet, cycle),
  };
}
