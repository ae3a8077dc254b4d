/** The units to list under `currentId` (null = the top of what the reader may see), and the path to it. */
export function childrenOf<U extends { id: number; parentId: number | null }>(units: readonly U[], currentId: number | null): U[] {
  const ids = new Set(units.map((u) => u.id));
  if (currentId === null) return units.filter((u) => u.parentId === null || !ids.has(u.parentId));
  return units.filter((u) => u.parentId === currentId);
}

/** Breadcrumb from the top visible unit down to `currentId`. */
export function pathTo<U extends { id: number; parentId: number | null }>(units: readonly U[], currentId: number | null): U[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: U[] = [];
  let at = currentId === null ? undefined : byId.get(currentId);
  while (at && path.length < 100) {
    path.unshift(at);
    at = at.parentId === null ? undefined : byId.get(at.parentId);
  }
  return path;
}
