import type { OrgUnitT } from '../../api';

export interface UnitNode {
  unit: OrgUnitT;
  children: UnitNode[];
}

/** Units as a forest ordered by name; a unit whose parent is missing becomes a root. */
export function buildUnitForest(units: readonly OrgUnitT[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.unit.code.localeCompare(b.unit.code));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The id of `unitId` and every unit below it. */
export function descendantIds(units: readonly OrgUnitT[], unitId: number): Set<number> {
  const out = new Set([unitId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId !== null && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}
