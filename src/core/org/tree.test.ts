import { describe, expect, it } from 'vitest';
import { moveCreatesCycle, subtreeIds } from './tree';

// HQ(1) ─ Sales(2) ─ Team A(3) ─ Squad(5)
//        └ Marketing(4)
const units = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 2 },
  { id: 4, parentId: 1 },
  { id: 5, parentId: 3 },
];

describe('org tree', () => {
  it('lists a subtree', () => {
    expect([...subtreeIds(units, 2)].sort()).toEqual([2, 3, 5]);
    expect([...subtreeIds(units, 4)]).toEqual([4]);
  });

  it('finds the cycle a move would create, as a path from the moved unit', () => {
    // Sales under Squad: Sales → Team A → Squad → Sales
    expect(moveCreatesCycle(units, 2, 5)).toEqual([2, 3, 5, 2]);
    expect(moveCreatesCycle(units, 2, 2)).toEqual([2, 2]);
  });

  it('allows moves that keep a tree', () => {
    expect(moveCreatesCycle(units, 3, 4)).toBeNull();
    expect(moveCreatesCycle(units, 2, null)).toBeNull();
  });
});
