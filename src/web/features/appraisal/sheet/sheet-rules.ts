import { agreementActions, agreementParty, type AgreementAction } from '../../../../core/appraisal/agreement';
import { weightIssues } from '../../../../core/appraisal/weights';
import type { Localized } from '../../../../core/errors';
import type { SheetT, TargetStatus } from './types';

export type TargetAction = AgreementAction;

/**
 * The target steps offered on a KPI item (the agreement state machine of core/appraisal/agreement.ts): the
 * sheet's person takes the employee's steps when `can.agree`, the manager side takes the others when
 * `can.propose`. The server decides; this only hides buttons it would refuse.
 */
export function targetActions(status: TargetStatus, can: Pick<SheetT['can'], 'propose' | 'agree'>): TargetAction[] {
  return agreementActions(status).filter((a) => (agreementParty(status, a) === 'manager' ? can.propose : can.agree));
}

/** What the target dialog asks for each step: a value (required, optional or none) and whether a reason is required. */
export function targetDialogNeeds(action: TargetAction, target: number | null): { value: 'required' | 'optional' | 'none'; reason: boolean } {
  switch (action) {
    case 'propose':
    case 'revise':
      return { value: 'required', reason: false };
    case 'counter':
      return { value: 'required', reason: true };
    case 'finalize':
      // Finalizing keeps the value on the table, so it needs one only when there is none.
      return { value: target === null ? 'required' : 'optional', reason: true };
    case 'accept':
      return { value: 'none', reason: false };
  }
}

/** A manager rating that differs from the self rating needs a comment (the server says so too: APPRAISAL_COMMENT_REQUIRED). */
export function reviewNeedsComment(rating: number | null | undefined, selfRating: number | null, comment: string | undefined): boolean {
  if (rating === null || rating === undefined || selfRating === null) return false;
  return rating !== selfRating && (comment ?? '').trim() === '';
}

export interface OverrideGroup {
  code: string;
  weight: number | null | undefined;
}
export interface OverrideItem {
  group: string;
  code: string;
  weight: number | null | undefined;
}

/**
 * The weight problems of a sheet being edited, with the same decimal check as the server (core weightIssues):
 * the groups total exactly 100, and so do the items of each group.
 */
export function overrideIssues(groups: readonly OverrideGroup[], items: readonly OverrideItem[]): { path: string; message: Localized }[] {
  const out = weightIssues({ path: 'groups', label: { vi: 'các nhóm', en: 'the groups' } }, groups.map((g) => ({ code: g.code, weight: g.weight ?? NaN })));
  for (const g of groups) {
    const own = items.filter((i) => i.group === g.code);
    out.push(
      ...weightIssues(
        { path: `items.${g.code}`, label: { vi: `các mục của nhóm "${g.code}"`, en: `the items of group "${g.code}"` } },
        own.map((i) => ({ code: i.code, weight: i.weight ?? NaN })),
      ),
    );
  }
  return out.map((i) => ({ path: i.path, message: i.message }));
}
