import { describe, expect, it } from 'vitest';
import type { OrgUnitT } from '../../api';
import { cascadeRecipients, type PersonOption } from './cascade-recipients';
import { defaultRecipients, type KpiWhereabouts } from './default-recipients';

const unit = (id: number, code: string, parentId: number | null, inScope = true): OrgUnitT => ({ id, code, name: `Unit ${code}`, parentId, archived: false, inScope });
// The demo org chart: MA (stands for the company) → BGD (board), KD → KD-MB, KD-MN; MKT, NS (HR), KT (accounting).
const units = [unit(1, 'MA', null), unit(2, 'BGD', 1), unit(3, 'KD', 1), unit(4, 'KD-MB', 3), unit(5, 'KD-MN', 3), unit(6, 'MKT', 1), unit(7, 'NS', 1), unit(8, 'KT', 1)];
const people: PersonOption[] = [
  { id: 10, fullName: 'Vũ Đình Khoa', unitId: 4, active: true },
  { id: 11, fullName: 'Đặng Thu Trang', unitId: 4, active: true },
];
const none = new Map<string, string[]>();
// REVENUE: owned by the director, who sits in the board (BGD); in 2025 only the two sales teams reported it.
const revenue: KpiWhereabouts = { ownerUnitId: 2, unitsWithLastYearActuals: [4, 5] };
const propose = (from: string, kpi: KpiWhereabouts, children = none, list = units) => defaultRecipients(from, list, children, cascadeRecipients(from, list, people), kpi);

describe('defaultRecipients from the company', () => {
  it('proposes the units with last year’s actuals — the sales teams — not every department', () => {
    // Before: BGD, KD, KT, MKT, NS (the children of MA), splitting revenue with HR and accounting.
    expect(propose('company', revenue)).toEqual({ keys: ['unit:4', 'unit:5'], reason: 'lastYear' });
  });

  it('keeps the recipients already holding parts of the target first', () => {
    const children = new Map([['company', ['unit:3']]]);
    expect(propose('company', revenue, children)).toEqual({ keys: ['unit:3'], reason: 'existing' });
  });

  it('proposes the topmost of the units with actuals, so no target is given to a unit and to its part', () => {
    expect(propose('company', { ownerUnitId: 2, unitsWithLastYearActuals: [5, 3, 4] })).toEqual({ keys: ['unit:3'], reason: 'lastYear' });
  });

  it('falls back to the owner’s unit, unless the owner sits in the unit that stands for the company', () => {
    // LEADS: owned by the head of marketing, no actuals last year.
    expect(propose('company', { ownerUnitId: 6, unitsWithLastYearActuals: [] })).toEqual({ keys: ['unit:6'], reason: 'owner' });
    // Owned by someone in MA itself: nothing tells who shares the target; the user picks.
    expect(propose('company', { ownerUnitId: 1, unitsWithLastYearActuals: [] })).toEqual({ keys: [], reason: 'none' });
    expect(propose('company', { ownerUnitId: null, unitsWithLastYearActuals: [] })).toEqual({ keys: [], reason: 'none' });
  });

  it('never proposes a unit the user may not target', () => {
    // The sales manager: only KD and its teams are in scope.
    const managerView = units.map((u) => ({ ...u, inScope: [3, 4, 5].includes(u.id) }));
    expect(propose('company', { ownerUnitId: 6, unitsWithLastYearActuals: [6, 4] }, none, managerView)).toEqual({ keys: ['unit:4'], reason: 'lastYear' });
    expect(propose('company', { ownerUnitId: 6, unitsWithLastYearActuals: [6] }, none, managerView)).toEqual({ keys: [], reason: 'none' });
  });
});

describe('defaultRecipients from a unit', () => {
  it('proposes the units below it with actuals, else the owner’s unit below it, else its direct children', () => {
    expect(propose('unit:3', { ownerUnitId: 2, unitsWithLastYearActuals: [5] })).toEqual({ keys: ['unit:5'], reason: 'lastYear' });
    // Actuals of units elsewhere do not count from KD.
    expect(propose('unit:3', { ownerUnitId: 2, unitsWithLastYearActuals: [6] })).toEqual({ keys: ['unit:4', 'unit:5'], reason: 'children' });
    expect(propose('unit:3', { ownerUnitId: 4, unitsWithLastYearActuals: [] })).toEqual({ keys: ['unit:4'], reason: 'owner' });
  });

  it('proposes the people already holding parts of a team target; a team without parts proposes nothing', () => {
    const children = new Map([['unit:4', ['person:10', 'person:11']]]);
    // Offered in Vietnamese name order, given name first: Vũ Đình Khoa (10) before Đặng Thu Trang (11).
    expect(propose('unit:4', revenue, children)).toEqual({ keys: ['person:10', 'person:11'], reason: 'existing' });
    expect(propose('unit:4', revenue)).toEqual({ keys: [], reason: 'none' });
  });
});
