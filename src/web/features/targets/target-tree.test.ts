import { describe, expect, it } from 'vitest';
import type { OrgUnitT } from '../../api';
import { buildTargetTree, cascadeCandidates, defaultCascadeUnits, targetChildren } from './target-tree';
import type { TargetRecordT } from './types';

const unit = (id: number, code: string, parentId: number | null, archived = false): OrgUnitT => ({ id, code, name: `Unit ${code}`, parentId, archived, inScope: true });
// The demo org chart: MA (the company as a unit) → KD → KD-MB, KD-MN; MKT beside KD; OLD archived.
const units = [unit(1, 'MA', null), unit(2, 'KD', 1), unit(3, 'KD-MB', 2), unit(4, 'KD-MN', 2), unit(5, 'MKT', 1), unit(6, 'OLD', 1, true)];

let nextId = 1;
const target = (scope: TargetRecordT['scope'], value: number, period = '2026-01'): TargetRecordT => ({
  id: nextId++,
  kpiId: 1,
  period,
  start: '2026-01-01',
  end: '2026-01-31',
  scope,
  value,
  locked: false,
});
const B = 1_000_000_000;
// 20 tỷ × 52 % = 10,4 tỷ; × 48 % = 9,6 tỷ.
const demo = [target({ type: 'company', id: null }, 20 * B), target({ type: 'unit', id: 3 }, 10.4 * B), target({ type: 'unit', id: 4 }, 9.6 * B)];

describe('buildTargetTree', () => {
  it('puts the company first, then the units as a tree with their targets, people under their unit', () => {
    const [company] = buildTargetTree({ companyName: 'Minh An', units, targets: demo, people: [{ id: 9, fullName: 'Vũ Đình Khoa', unitId: 3 }] });
    expect(company?.key).toBe('company');
    expect(company?.target?.value).toBe(20 * B);
    const ma = company?.children?.[0];
    expect(ma?.code).toBe('MA');
    // Ordered by code; the archived unit is left out.
    expect(ma?.children?.map((r) => r.code)).toEqual(['KD', 'MKT']);
    const kd = ma?.children?.[0];
    expect(kd?.target).toBeNull();
    expect(kd?.children?.map((r) => [r.key, r.target?.value])).toEqual([
      ['unit:3', 10.4 * B],
      ['unit:4', 9.6 * B],
    ]);
    expect(kd?.children?.[0]?.children?.map((r) => r.key)).toEqual(['person:9']);
    // A leaf has no children array (no expander in the table).
    expect(kd?.children?.[1]).not.toHaveProperty('children');
  });
});

describe('targetChildren', () => {
  it('hangs each target under the nearest enclosing scope that has one', () => {
    expect(Object.fromEntries(targetChildren(demo, units))).toEqual({ company: ['unit:3', 'unit:4'] });
    const withKd = [...demo, target({ type: 'unit', id: 2 }, 20 * B)];
    expect(Object.fromEntries(targetChildren(withKd, units))).toEqual({ company: ['unit:2'], 'unit:2': ['unit:3', 'unit:4'] });
  });

  it('places people under their unit when they are loaded', () => {
    const t = [...demo, target({ type: 'person', id: 9 }, 1 * B)];
    expect(targetChildren(t, units, [{ id: 9, fullName: 'Khoa', unitId: 3 }]).get('unit:3')).toEqual(['person:9']);
    expect(targetChildren(t, units).get('unit:3')).toBeUndefined();
  });
});

describe('cascade choices', () => {
  it('proposes the units that already share the target, else the direct child units', () => {
    expect(defaultCascadeUnits('company', units, targetChildren(demo, units))).toEqual([3, 4]);
    // No targets below: the only top unit (MA) stands for the company, so its children KD and MKT.
    expect(defaultCascadeUnits('company', units, new Map())).toEqual([2, 5]);
    expect(defaultCascadeUnits('unit:2', units, new Map())).toEqual([3, 4]);
  });

  it('offers every live unit below the source', () => {
    expect(cascadeCandidates('unit:2', units).map((u) => u.code)).toEqual(['KD-MB', 'KD-MN']);
    expect(cascadeCandidates('company', units).map((u) => u.code)).toEqual(['MA', 'KD', 'KD-MB', 'KD-MN', 'MKT']);
  });
});
