import { KPI_LEVELS } from '../../../core/kpi';

interface TreeInput {
  code: string;
  level: string;
  parents: readonly { code: string }[];
}

export type TreeRow<T extends TreeInput> = T & { key: string; children?: TreeRow<T>[] };

const levelRank = (level: string) => {
  const i = (KPI_LEVELS as readonly string[]).indexOf(level);
  return i === -1 ? KPI_LEVELS.length : i;
};
const byLevelThenCode = (a: TreeInput, b: TreeInput) => levelRank(a.level) - levelRank(b.level) || a.code.localeCompare(b.code);

/**
 * Parents → children, strategic KPIs first. A KPI whose parents are not in the list is a root; a KPI with
 * two parents appears under both (row keys are paths, so they stay unique). Cycles are cut.
 */
export function buildKpiTree<T extends TreeInput>(items: readonly T[]): TreeRow<T>[] {
  const byCode = new Map(items.map((k) => [k.code, k]));
  const childrenOf = new Map<string, T[]>();
  for (const k of items) {
    for (const p of k.parents) if (byCode.has(p.code)) childrenOf.set(p.code, [...(childrenOf.get(p.code) ?? []), k]);
  }
  const grow = (k: T, path: string, seen: ReadonlySet<string>): TreeRow<T> => {
    const key = path ? `${path}/${k.code}` : k.code;
    const next = new Set(seen).add(k.code);
    const kids = (childrenOf.get(k.code) ?? []).filter((c) => !next.has(c.code)).sort(byLevelThenCode);
    const row: TreeRow<T> = { ...k, key };
    if (kids.length > 0) row.children = kids.map((c) => grow(c, key, next));
    return row;
  };
  return items
    .filter((k) => !k.parents.some((p) => byCode.has(p.code)))
    .sort(byLevelThenCode)
    .map((k) => grow(k, '', new Set()));
}
