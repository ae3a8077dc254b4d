import type { CycleRecord } from '../../../core/appraisal';
import { bonusRuleInEffect } from '../../../core/appraisal/bonus-rule-in-effect';
import type { Actor } from '../../actor';
import { policy } from '../../policy';
import type { Store } from '../../ports';
import type { BonusRuleRecord } from './ports';

export interface CycleView extends CycleRecord {
  /** Sheets of the cycle the reader may read (appraisal.read on the person). */
  sheets: number;
  /** The bonus rule in effect on the cycle's last day. */
  bonusRule: BonusRuleRecord | null;
}

/** Cycles with the number of sheets in the reader's scope and the bonus rule in effect for each. */
export async function cycleViews(store: Store, actor: Actor, cycles: readonly CycleRecord[]): Promise<CycleView[]> {
  const me = actor.person?.id ?? null;
  const [counts, rules] = await Promise.all([store.appraisal.setup.cycles.sheetCounts(me), store.appraisal.setup.bonusRules.list()]);
  const visible = new Map<number, number>();
  for (const c of counts) {
    // Someone else in that unit (person id 0 is nobody), or the reader themself.
    const target = { scope: 'person' as const, personId: c.own && me !== null ? me : 0, unitId: c.unitId };
    if (policy.can(actor, 'appraisal.read', target)) visible.set(c.cycleId, (visible.get(c.cycleId) ?? 0) + c.count);
  }
  return cycles.map((c) => ({ ...c, sheets: visible.get(c.id) ?? 0, bonusRule: bonusRuleInEffect(rules, c.endsOn) }));
}
