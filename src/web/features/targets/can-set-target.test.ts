import { describe, expect, it } from 'vitest';
import { can, type Subject } from '../../../core/auth/permissions';
import { targetOfRow } from './can-set-target';

// A sales manager (person 3 in unit 2, subtree {2, 4}); Marketing is unit 5.
const manager: Subject = { role: 'manager', personId: 3, unitId: 2, subtree: new Set([2, 4]) };
const employee: Subject = { role: 'employee', personId: 7, unitId: 4, subtree: new Set() };
const salesKpi: { ownerId: number | null; measurerId: number | null; ownerUnitId: number | null } = { ownerId: 3, measurerId: null, ownerUnitId: 2 };
const marketingKpi = { ownerId: 9, measurerId: 7, ownerUnitId: 5 };

describe('targetOfRow + target.set', () => {
  it('lets a manager set targets in his subtree and the company targets of KPIs his subtree owns, nothing else', () => {
    const set = (s: Subject, scope: Parameters<typeof targetOfRow>[0], unitId: number | null, kpi = salesKpi) =>
      can(s, 'target.set', targetOfRow(scope, unitId, kpi));
    expect(set(manager, { type: 'company', id: null }, null)).toBe(true);
    expect(set(manager, { type: 'company', id: null }, null, marketingKpi)).toBe(false);
    expect(set(manager, { type: 'unit', id: 4 }, 4)).toBe(true);
    expect(set(manager, { type: 'person', id: 7 }, 4)).toBe(true);
    expect(set(manager, { type: 'unit', id: 5 }, 5)).toBe(false);
    expect(set(manager, { type: 'person', id: 12 }, 5)).toBe(false);
    // Measuring a KPI lets an employee check in its company value, not set its targets.
    expect(set(employee, { type: 'company', id: null }, null, marketingKpi)).toBe(false);
    expect(set(employee, { type: 'person', id: 7 }, 4)).toBe(false);
  });
});
