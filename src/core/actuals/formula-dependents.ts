import type { DependencyGraph } from '../formula';

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
