/** Dependencies between computed KPIs: code → codes its formula uses. Codes missing as keys have no dependencies. */
export type DependencyGraph = Readonly<Record<string, readonly string[]>>;

function neighbours(graph: DependencyGraph, node: string): readonly string[] {
  return Object.hasOwn(graph, node) ? (graph[node] ?? []) : [];
}

/**
 * The first cycle found, as a path that starts and ends on the same code (`['A', 'B', 'C', 'A']`;
 * a self-reference is `['A', 'A']`), or null. Iterative, so long chains cannot overflow the stack.
 */
export function findCycle(graph: DependencyGraph): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  for (const root of Object.keys(graph)) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const cursors: number[] = [0];
    state.set(root, 'open');
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const edges = neighbours(graph, node);
      const k = cursors[cursors.length - 1]!;
      if (k >= edges.length) {
        state.set(node, 'done');
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = k + 1;
      const next = edges[k]!;
      const seen = state.get(next);
      if (seen === 'open') return [...path.slice(path.indexOf(next)), next];
      if (seen === undefined) {
        state.set(next, 'open');
        path.push(next);
        cursors.push(0);
      }
    }
  }
  return null;
}

/**
 * For every code that lies on a cycle, one shortest cycle through it, starting and ending with that code.
 * Codes not on any cycle are absent.
 */
export function cyclesThrough(graph: DependencyGraph): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const start of Object.keys(graph)) {
    const cycle = shortestCycle(graph, start);
    if (cycle) result.set(start, cycle);
  }
  return result;
}

/** Breadth-first search from `start` back to itself. */
function shortestCycle(graph: DependencyGraph, start: string): string[] | null {
  const parent = new Map<string, string>();
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const to of neighbours(graph, node)) {
        if (to === start) {
          const path = [start];
          for (let at: string | undefined = node; at !== undefined && at !== start; at = parent.get(at)) path.push(at);
          if (node !== start) path.push(start);
          path.reverse();
          return path.length === 1 ? [start, start] : path;
        }
        if (parent.has(to)) continue;
        parent.set(to, node);
        next.push(to);
      }
    }
    frontier = next;
  }
  return null;
}

/** Codes ordered so that each comes after the codes it depends on; null when there is a cycle. */
export function evaluationOrder(graph: DependencyGraph): string[] | null {
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const root of Object.keys(graph)) {
    if (state.has(root)) continue;
    const path = [root];
    const cursors = [0];
    state.set(root, 'open');
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const edges = neighbours(graph, node);
      const k = cursors[cursors.length - 1]!;
      if (k >= edges.length) {
        state.set(node, 'done');
        order.push(node);
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = k + 1;
      const next = edges[k]!;
      const seen = state.get(next);
      if (seen === 'open') return null;
      if (seen === undefined) {
        state.set(next, 'open');
        path.push(next);
        cursors.push(0);
      }
    }
  }
  return order;
}
