import { weightIssues } from '../../../../core/appraisal/weights';
import type { Localized } from '../../../../core/errors';
import type { SheetT, TargetStatus } from './types';

export type TargetAction = 'propose' | 'accept' | 'counter' | 'revise' | 'finalize';

/**
 * The target steps offered on a KPI item: the sheet's person accepts or counters a proposal; the manager
 * proposes, accepts a counter, revises (an accepted target goes back for agreement) or finalizes with a reason.
 * The server decides; this only hides buttons it would refuse.
 */
export function targetActions(status: TargetStatus, can: Pick<SheetT['can'], 'propose' | 'agree'>): TargetAction[] {
  const out: TargetAction[] = [];
  if (can.agree && status === 'proposed') out.push('accept', 'counter');
  if (can.propose) {
    if (status === 'none') out.push('propose');
    if (status === 'countered') out.push('accept');
    if (status !== 'none') out.push('revise');
    if (status !== 'finalized') out.push('finalize');
  }
  return out;
}

/** What the target dialog asks for each step: a value (required or optional) and a reason (required or optional). */
export function targetDialogNeeds(action: TargetAction): { value: 'required' | 'optional' | 'none'; reason: boolean } {
  switch (action) {
    case 'propose':
    case 'revise':
      return { value: 'required', reason: false };
    case 'counter':
      return { value: 'required', reason: true };
    case 'finalize':
      return { value: 'optional', reason: true };
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
