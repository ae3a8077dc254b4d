import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPermissionsDoc } from './permissions-doc';
import { ACTIONS, can, PERMISSIONS, type Subject, type Target } from './permissions';

// Org: company → sales (2) → north team (4); marketing (5). People: sales manager 3 (unit 2), employee 7 (unit 4), marketer 9 (unit 5).
const admin: Subject = { role: 'admin', personId: 1, unitId: 1, subtree: 'all' };
const manager: Subject = { role: 'manager', personId: 3, unitId: 2, subtree: new Set([2, 4]) };
const employee: Subject = { role: 'employee', personId: 7, unitId: 4, subtree: new Set() };
const viewer: Subject = { role: 'viewer', personId: 11, unitId: 2, subtree: new Set([2, 4]) };
const company: Target = { scope: 'company' };
const sales: Target = { scope: 'unit', unitId: 2 };
const marketing: Target = { scope: 'unit', unitId: 5 };
const employee7: Target = { scope: 'person', personId: 7, unitId: 4 };
const marketer9: Target = { scope: 'person', personId: 9, unitId: 5 };
const revenueCompany: Target = { scope: 'company', kpi: { ownerId: 1, measurerId: 7, ownerUnitId: 1 } };
const salesKpiCompany: Target = { scope: 'company', kpi: { ownerId: 3, measurerId: null, ownerUnitId: 2 } };

describe('the permission table', () => {
  it('keeps a manager inside his subtree: no KPI take-over, no company targets of other units’ KPIs', () => {
    expect(can(manager, 'kpi.edit', marketing)).toBe(false);
    expect(can(manager, 'kpi.edit', sales)).toBe(true);
    expect(can(manager, 'kpi.edit', company)).toBe(false); // a KPI without owner is the company's
    expect(can(manager, 'target.set', revenueCompany)).toBe(false);
    expect(can(manager, 'target.set', salesKpiCompany)).toBe(true);
    expect(can(manager, 'target.set', marketer9)).toBe(false);
    expect(can(manager, 'actual.write', marketer9)).toBe(false);
    expect(can(manager, 'numbers.read', marketer9)).toBe(false);
    expect(can(manager, 'numbers.read', employee7)).toBe(true);
  });

  it('makes the viewer read-only everywhere, whatever he owns or measures (his own bell and e-mail choices aside)', () => {
    const hisKpi: Target = { scope: 'company', kpi: { ownerId: 11, measurerId: 11, ownerUnitId: 2 } };
    for (const action of ACTIONS) {
      if (action.endsWith('.read') || action === 'notification.own') continue;
      for (const t of [company, sales, hisKpi, { scope: 'person', personId: 11, unitId: 2 } as Target]) expect(can(viewer, action, t), action).toBe(false);
    }
    expect(can(viewer, 'numbers.read', sales)).toBe(true);
    expect(can(viewer, 'numbers.read', marketing)).toBe(false);
  });

  it('lets an employee write his own numbers and the company value of a KPI he measures, and read his team', () => {
    expect(can(employee, 'actual.write', employee7)).toBe(true);
    expect(can(employee, 'actual.write', revenueCompany)).toBe(true); // he measures REVENUE
    expect(can(employee, 'actual.write', salesKpiCompany)).toBe(false);
    expect(can(employee, 'actual.write', { scope: 'unit', unitId: 4 })).toBe(false);
    expect(can(employee, 'numbers.read', { scope: 'unit', unitId: 4 })).toBe(true);
    expect(can(employee, 'numbers.read', sales)).toBe(false);
    expect(can(employee, 'numbers.read', { scope: 'person', personId: 8, unitId: 4 })).toBe(false);
  });

  /** Agreeing to targets and self-assessing is the person's own act: nobody, not even an admin, does it for someone else. */
  const OWN_ACTS = new Set(['appraisal.agree']);

  it('gives admins every action on every target, except the acts only the person does on their own sheet', () => {
    for (const action of ACTIONS) {
      for (const t of [company, marketing, marketer9]) expect(can(admin, action, t), `${action} on ${JSON.stringify(t)}`).toBe(!OWN_ACTS.has(action));
    }
    const adminSelf = { scope: 'person', personId: admin.personId!, unitId: admin.unitId! } as const;
    expect(can(admin, 'appraisal.agree', adminSelf)).toBe(true);
  });

  it('has a row for every action, and docs/permissions.md is generated from it', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ACTIONS].sort());
    const doc = readFileSync(new URL('../../../docs/permissions.md', import.meta.url), 'utf8');
    expect(doc, 'run `npm run docs:permissions`').toBe(renderPermissionsDoc());
  });
});
