import { peopleCounts, unitHeads } from '../../core/people/unit-heads';
import type { Actor } from '../actor';
import { policy, unitTarget } from '../policy';
import type { Store } from '../ports';

export interface UnitSummary {
  unitId: number;
  people: number;
  head: { id: number; fullName: string } | null;
}

/**
 * For the org chart drawing: how many active people each unit has and who leads it, for the units whose
 * people the actor may read (person.read on the unit); other units are left out.
 */
export async function summarizeUnits(store: Store, actor: Actor): Promise<UnitSummary[]> {
  policy.requireAtAll(actor, 'unit.read');
  const [units, members] = await Promise.all([store.units.list(), store.people.activeMembers()]);
  const heads = unitHeads(members);
  const counts = peopleCounts(members);
  return units
    .filter((u) => policy.can(actor, 'person.read', unitTarget(u.id)))
    .map((u) => {
      const head = heads.get(u.id);
      return { unitId: u.id, people: counts.get(u.id) ?? 0, head: head ? { id: head.id, fullName: head.fullName } : null };
    });
}
