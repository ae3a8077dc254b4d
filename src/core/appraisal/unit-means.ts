/**
 * Each unit's people count, score sum and mean over the people of the unit and every unit below it, in one
 * pass over typed arrays. `unitParent[u]` is the index of u's parent or −1, and a parent comes before its
 * children, so walking backwards hands each finished subtree to its parent. People without a score (NaN) are
 * not counted.
 */
export function unitMeans(unitParent: Int32Array, personUnit: Int32Array, personScore: Float64Array): { people: Float64Array; sum: Float64Array; mean: Float64Array } {
  const U = unitParent.length;
  const people = new Float64Array(U);
  const sum = new Float64Array(U);
  for (let p = 0; p < personUnit.length; p++) {
    const s = personScore[p] as number;
    if (s !== s) continue;
    const u = personUnit[p] as number;
    people[u] = (people[u] as number) + 1;
    sum[u] = (sum[u] as number) + s;
  }
  for (let u = U - 1; u >= 0; u--) {
    const parent = unitParent[u] as number;
    if (parent < 0) continue;
    people[parent] = (people[parent] as number) + (people[u] as number);
    sum[parent] = (sum[parent] as number) + (sum[u] as number);
  }
  const mean = new Float64Array(U);
  for (let u = 0; u < U; u++) mean[u] = (people[u] as number) > 0 ? (sum[u] as number) / (people[u] as number) : Number.NaN;
  return { people, sum, mean };
}

/** Units ordered parents first (breadth-first from the roots), for `unitMeans`; units under a cycle are left out. */
export function parentsFirst(units: readonly { id: number; parentId: number | null }[]): { ids: number[]; parent: Int32Array } {
  const children = new Map<number | null, number[]>();
  const known = new Set(units.map((u) => u.id));
  for (const u of units) {
    const key = u.parentId !== null && known.has(u.parentId) ? u.parentId : null;
    const list = children.get(key);
    if (list) list.push(u.id);
    else children.set(key, [u.id]);
  }
  const ids: number[] = [];
  const parentOf: number[] = [];
  const index = new Map<number, number>();
  const queue: [number, number][] = (children.get(null) ?? []).map((id) => [id, -1]);
  for (let q = 0; q < queue.length; q++) {
    const [id, parent] = queue[q]!;
    index.set(id, ids.length);
    ids.push(id);
    parentOf.push(parent);
    for (const child of children.get(id) ?? []) queue.push([child, index.get(id)!]);
  }
  return { ids, parent: Int32Array.from(parentOf) };
}
