import { splitByWeights, type SplitOptions } from './split';

export interface CascadeChild<Id> {
  id: Id;
  /** Weight or share (e.g. last year's revenue of the unit, or 0.4 for 40 %). */
  weight: number;
}

export interface CascadedTarget<Id> {
  id: Id;
  value: number;
}

/** Split a unit's target over its child units or people by weight (Phân bổ chỉ tiêu). */
export function cascadeToChildren<Id>(total: number, children: readonly CascadeChild<Id>[], options: SplitOptions = {}): CascadedTarget<Id>[] {
  const values = splitByWeights(
    total,
    children.map((c) => c.weight),
    options,
  );
  return children.map((c, i) => ({ id: c.id, value: values[i] as number }));
}

export interface CascadeNode<Id> {
  id: Id;
  parentId: Id | null;
  /** Weight within its parent. */
  weight: number;
}

/**
 * Cascade a target from `rootId` down a whole tree: every node's target splits over its children
 * by their weights, level after level. Returns the target of the root and of every node below it.
 */
export function cascadeTree<Id>(nodes: readonly CascadeNode<Id>[], rootId: Id, total: number, options: SplitOptions = {}): Map<Id, number> {
  const children = new Map<Id, CascadeNode<Id>[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  }
  const result = new Map<Id, number>([[rootId, total]]);
  const queue: Id[] = [rootId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const kids = (children.get(id) ?? []).filter((k) => !result.has(k.id)); // a cycle cannot loop forever
    if (kids.length === 0) continue;
    for (const part of cascadeToChildren(result.get(id) as number, kids, options)) {
      result.set(part.id, part.value);
      queue.push(part.id);
    }
  }
  return result;
}
