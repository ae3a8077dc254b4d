import { describe, expect, it } from 'vitest';
import { childrenOf, pathTo } from './unit-drill';

// MA ─┬─ KD ─┬─ KD-MB
//     │      └─ KD-MN
//     └─ NS
const units = [
  { id: 1, parentId: null, code: 'MA' },
  { id: 3, parentId: 1, code: 'KD' },
  { id: 4, parentId: 3, code: 'KD-MB' },
  { id: 5, parentId: 3, code: 'KD-MN' },
  { id: 7, parentId: 1, code: 'NS' },
];

describe('drilling down the org tree on the dashboard', () => {
  it('starts at the top units and lists the children of the chosen one', () => {
    expect(childrenOf(units, null).map((u) => u.code)).toEqual(['MA']);
    expect(childrenOf(units, 1).map((u) => u.code)).toEqual(['KD', 'NS']);
    expect(childrenOf(units, 4)).toEqual([]);
  });

  it('starts at the units whose parent the reader cannot see (a manager sees KD and below)', () => {
    const visible = units.filter((u) => [3, 4, 5].includes(u.id));
    expect(childrenOf(visible, null).map((u) => u.code)).toEqual(['KD']);
  });

  it('builds the breadcrumb from the top', () => {
    expect(pathTo(units, 4).map((u) => u.code)).toEqual(['MA', 'KD', 'KD-MB']);
    expect(pathTo(units, null)).toEqual([]);
  });
});
