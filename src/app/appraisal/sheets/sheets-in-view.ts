import type { CycleRecord } from '../../../core/appraisal';
import type { Actor } from '../../actor';
import { policy, type Action } from '../../policy';
import type { Store } from '../../ports';
import { findCycle, sheetTarget, visibility } from './access';
import type { SheetRecord } from './ports';
import { unitAndBelow } from './read-sheets';

/** Every sheet of a cycle the actor may do `action` on, optionally within a unit and its sub-units (which they must reach). */
export async function sheetsInView(store: Store, actor: Actor, cycleId: number, action: Action, unitId?: number): Promise<{ cycle: CycleRecord; sheets: SheetRecord[] }> {
  policy.requireAtAll(actor, action);
  if (unitId !== undefined) policy.require(actor, action, { scope: 'unit', unitId });
  const cycle = await findCycle(store, cycleId);
  const unitIds = unitId === undefined ? undefined : await unitAndBelow(store, unitId);
  const all = await store.appraisal.sheets.list({ cycleId, unitIds, visible: visibility(actor), limit: 1_000_000, offset: 0 });
  return { cycle, sheets: all.items.filter((s) => policy.can(actor, action, sheetTarget(s))) };
}

/** One sheet per person: their latest in the cycle (its unit, position and base stand for the person; scores are the person's). */
export function latestPerPerson(sheets: readonly SheetRecord[]): SheetRecord[] {
  const latest = new Map<number, SheetRecord>();
  for (const s of sheets) {
    const seen = latest.get(s.personId);
    if (!seen || s.startsOn > seen.startsOn) latest.set(s.personId, s);
  }
  return sheets.filter((s) => latest.get(s.personId) === s);
}
