import { describe, expect, it } from 'vitest';
import type { OrgUnitT } from '../../api';
import { canSetTarget } from './can-set-target';

const units = new Map<number, OrgUnitT>([
  [2, { id: 2, code: 'KD', name: 'KD', parentId: 1, archived: false, inScope: true }],
  [5, { id: 5, code: 'MKT', name: 'MKT', parentId: 1, archived: false, inScope: false }],
]);

describe('canSetTarget', () => {
  it('lets admins set any target, managers inside their subtree, and nobody else', () => {
    expect(canSetTarget('admin', { type: 'unit', id: 5 }, 5, units)).toBe(true);
    expect(canSetTarget('manager', { type: 'company', id: null }, null, units)).toBe(true);
    expect(canSetTarget('manager', { type: 'unit', id: 2 }, 2, units)).toBe(true);
    expect(canSetTarget('manager', { type: 'person', id: 7 }, 2, units)).toBe(true);
    expect(canSetTarget('manager', { type: 'unit', id: 5 }, 5, units)).toBe(false);
    expect(canSetTarget('employee', { type: 'company', id: null }, null, units)).toBe(false);
  });
});
