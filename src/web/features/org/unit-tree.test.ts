import { describe, expect, it } from 'vitest';
import { buildUnitForest, descendantIds } from './unit-tree';

const u = (id: number, code: string, parentId: number | null) => ({ id, code, name: code, parentId, archived: false, inScope: true });

describe('buildUnitForest', () => {
  it('nests children under parents, sorted by code, orphans as roots', () => {
    const forest = buildUnitForest([u(3, 'KD-MN', 2), u(2, 'KD', 1), u(4, 'KD-MB', 2), u(1, 'MA', null), u(9, 'X', 77)]);
    expect(forest.map((n) => n.unit.code)).toEqual(['MA', 'X']);
    expect(forest[0]?.children.map((n) => n.unit.code)).toEqual(['KD']);
    expect(forest[0]?.children[0]?.children.map((n) => n.unit.code)).toEqual(['KD-MB', 'KD-MN']);
  });
});

describe('descendantIds', () => {
  it('returns the unit and its whole subtree, not its siblings', () => {
    // 1 → {2 → {3, 4}, 5}
    const units = [u(1, 'A', null), u(2, 'B', 1), u(3, 'C', 2), u(4, 'D', 2), u(5, 'E', 1)];
    expect([...descendantIds(units, 2)].sort()).toEqual([2, 3, 4]);
    expect(descendantIds(units, 5)).toEqual(new Set([5]));
  });
});
