/** The minimum the tree rules need to know about a unit. */
export interface UnitNode {
  id: number;
  parentId: number | null;
}

/** Ids of `rootId` and every unit below it. */
export function subtreeIds(units: readonly UnitNode[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const result = new Set<number>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (result.has(id)) continue;
    result.add(id);
    for (const child of children.get(id) ?? []) stack.push(child);
  }
  return result;
}

/**
 * Moving `unitId` under `newParentId` creates a cycle when the new parent is the unit
 * itself or one of its descendants. Returns the cycle path (ids) or null.
 */
export function moveCreatesCycle(units: readonly UnitNode[], unitId: number, newParentId: number | null): number[] | null {
  if (newParentId === null) return null;
  if (newParentId === unitId) return [unitId, unitId];
  const parentOf = new Map(units.map((u) => [u.id, u.parentId] as const));
  // Walk up from the new parent; reaching the unit means the parent sits inside its subtree.
  const walk: number[] = [];
  let cursor: number | null | undefined = newParentId;
  while (cursor !== null && cursor !== undefined && walk.length <= units.length) {
    walk.push(cursor);
    if (cursor === unitId) return [...walk.reverse(), unitId];
    cursor = parentOf.get(cursor);
  }
  return null;
}
