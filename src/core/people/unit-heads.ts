import { compareVietnameseNames } from './sort-names';

export interface Member {
  id: number;
  unitId: number;
  managerId: number | null;
  fullName: string;
}

/**
 * The head of each unit, as the org chart drawing shows it: among the unit's active people, those whose manager
 * sits outside the unit (or who have none) lead it; with several, the one with most direct reports in the
 * unit, then the first in Vietnamese name order. Units without people have no head.
 */
export function unitHeads(members: readonly Member[]): Map<number, Member> {
  const byId = new Map(members.map((m) => [m.id, m]));
  const reports = new Map<number, number>();
  for (const m of members) {
    const manager = m.managerId === null ? undefined : byId.get(m.managerId);
    if (manager && manager.unitId === m.unitId) reports.set(manager.id, (reports.get(manager.id) ?? 0) + 1);
  }
  const heads = new Map<number, Member>();
  for (const m of members) {
    const manager = m.managerId === null ? undefined : byId.get(m.managerId);
    if (manager && manager.unitId === m.unitId) continue;
    const current = heads.get(m.unitId);
    if (!current || better(m, current, reports)) heads.set(m.unitId, m);
  }
  return heads;
}

function better(a: Member, b: Member, reports: Map<number, number>): boolean {
  const ra = reports.get(a.id) ?? 0;
  const rb = reports.get(b.id) ?? 0;
  return ra !== rb ? ra > rb : compareVietnameseNames(a.fullName, b.fullName) < 0;
}

/** Active people per unit (the unit itself, not its sub-units). */
export function peopleCounts(members: readonly Member[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of members) counts.set(m.unitId, (counts.get(m.unitId) ?? 0) + 1);
  return counts;
}
