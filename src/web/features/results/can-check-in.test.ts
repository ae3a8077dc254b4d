import { describe, expect, it } from 'vitest';
import { canCheckIn } from './can-check-in';

const kpi = { ownerId: 7, measurerId: 9 };
const company = { type: 'company' as const };

describe('who sees the check-in form', () => {
  it('admins always, viewers never', () => {
    expect(canCheckIn({ role: 'admin', personId: null }, kpi, company)).toBe(true);
    expect(canCheckIn({ role: 'viewer', personId: 7 }, kpi, company)).toBe(false);
  });
  it('the owner and the measurer for the company scope, other people not', () => {
    expect(canCheckIn({ role: 'employee', personId: 7 }, kpi, company)).toBe(true);
    expect(canCheckIn({ role: 'employee', personId: 9 }, kpi, company)).toBe(true);
    expect(canCheckIn({ role: 'manager', personId: 3 }, kpi, company)).toBe(false);
  });
  it('managers for unit scopes, employees for their own person scope', () => {
    expect(canCheckIn({ role: 'manager', personId: 3 }, kpi, { type: 'unit', id: 4 })).toBe(true);
    expect(canCheckIn({ role: 'employee', personId: 5 }, kpi, { type: 'person', id: 5 })).toBe(true);
    expect(canCheckIn({ role: 'employee', personId: 5 }, kpi, { type: 'unit', id: 4 })).toBe(false);
  });
});
