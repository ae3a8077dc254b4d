import { evaluationOrder, type DependencyGraph } from '../formula';

/**
 * Computed KPIs that use any of `changed` directly or through other computed KPIs.
 * `graph` maps each computed KPI to the codes its formula references (inputs and computed KPIs alike).
 */
export function formulaDependents(graph: DependencyGraph, changed: Iterable<string>): Set<string> {
  const usedBy = new Map<string, string[]>();
  for (const [code, refs] of Object.entries(graph)) {
    for (const ref of refs) usedBy.set(ref, [...(usedBy.get(ref) ?? []), code]);
  }
  const found = new Set<string>();
  const stack = [...changed];
  while (stack.length > 0) {
    const code = stack.pop()!;
    for (const dependent of usedBy.get(code) ?? []) {
      if (found.has(dependent)) continue;
      found.add(dependent);
      stack.push(dependent);
    }
  }
  return found;
}

export interface RecomputePlan {
  /** The computed KPIs to recompute, each after the computed KPIs it uses. */
  order: string[];
  /** The codes whose stored values they read (entered KPIs, and computed KPIs that did not change). */
  inputs: string[];
}

/**
 * What to recompute after `changed` KPIs were written: only the computed KPIs that depend on them, in
 * dependency order, and the inputs those read. A cycle (refused when formulas are saved) recomputes nothing.
 */
export function recomputePlan(graph: DependencyGraph, changed: Iterable<string>): RecomputePlan {
  const affected = formulaDependents(graph, changed);
  const sub: Record<string, string[]> = {};
  const inputs = new Set<string>();
  for (const code of affected) {
    const refs = graph[code] ?? [];
    sub[code] = refs.filter((r) => affected.has(r));
    for (const r of refs) if (!affected.has(r)) inputs.add(r);
  }
  const order = evaluationOrder(sub);
  return order ? { order, inputs: [...inputs] } : { order: [], inputs: [] };
}
