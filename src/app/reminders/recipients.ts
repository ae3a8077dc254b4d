import { unitHeads, type Member } from '../../core/people/unit-heads';
import type { OrgUnit } from '../ports';

/**
 * A person's manager for escalations: their manager (people.manager_id) when that person is active, else the
 * head of their unit, or of the nearest unit above with a head other than themselves.
 */
export function managerFinder(members: readonly Member[], units: readonly OrgUnit[]): (personId: number) => number | null {
  const byId = new Map(members.map((m) => [m.id, m]));
  const heads = unitHeads(members);
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  return (personId) => {
    const person = byId.get(personId);
    if (!person) return null;
    if (person.managerId !== null && byId.has(person.managerId)) return person.managerId;
    const seen = new Set<number>();
    for (let unit: number | null | undefined = person.unitId; unit != null && !seen.has(unit); unit = parentOf.get(unit)) {
      seen.add(unit);
      const head = heads.get(unit);
      if (head && head.id !== personId) return head.id;
    }
    return null;
  };
}
