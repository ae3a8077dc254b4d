import { assertNotOwnSheet, type CycleRecord } from '../../../core/appraisal';
import type { Actor } from '../../actor';
import { notFound, policy, type Action, type Target } from '../../policy';
import type { Store } from '../../ports';
import type { SheetRecord } from './ports';

export const SHEET = { vi: 'phiếu đánh giá', en: 'Evaluation sheet' };
export const CYCLE = { vi: 'kỳ đánh giá', en: 'Evaluation cycle' };

/** A sheet is about its person, in the unit it was assigned in (calibration and reports group by that unit). */
export const sheetTarget = (s: Pick<SheetRecord, 'personId' | 'unitId'>): Target => ({ scope: 'person', personId: s.personId, unitId: s.unitId });

export const isOwnSheet = (actor: Actor, s: Pick<SheetRecord, 'personId'>): boolean => actor.person !== null && actor.person.id === s.personId;

export async function findCycle(store: Store, id: number): Promise<CycleRecord> {
  const cycle = await store.appraisal.cycles.get(id);
  if (!cycle) throw notFound(CYCLE, id);
  return cycle;
}

/**
 * The sheet and its cycle, once the actor may do `action` on the sheet's person (403 otherwise, and 403
 * APPRAISAL_OWN_SHEET for a manager-side action on their own sheet). Writers pass `forUpdate` inside their
 * transaction, so two writes on one sheet take turns.
 */
export async function sheetFor(
  store: Store,
  actor: Actor,
  id: number,
  action: Action,
  options: { notOwn?: boolean; forUpdate?: boolean } = {},
): Promise<{ sheet: SheetRecord; cycle: CycleRecord }> {
  const sheet = await store.appraisal.sheets.find(id, { forUpdate: options.forUpdate ?? false });
  if (!sheet) throw notFound(SHEET, id);
  policy.require(actor, action, sheetTarget(sheet));
  if (options.notOwn) assertNotOwnSheet(actor.person?.id ?? null, sheet.personId);
  return { sheet, cycle: await findCycle(store, sheet.cycleId) };
}

/** The sheets a reader of `action` sees: their units' (all for admins) and their own. */
export function visibility(actor: Actor): { unitIds?: number[] | undefined; selfPersonId: number | null } {
  return { unitIds: policy.visibleUnitIds(actor), selfPersonId: actor.person?.id ?? null };
}
