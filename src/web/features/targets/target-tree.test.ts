import { describe, expect, it } from 'vitest';
import type { OrgUnitT } from '../../api';
import { buildTargetTree, cascadeCandidates, companyRootUnit, targetChildren } from './target-tree';
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
  it('shows one top row: the only top unit (MA) is folded into the company row, its units and people below', () => {
    const tree = buildTargetTree({
      companyName: 'Công ty TNHH Thương mại Minh An',
      units,
      targets: demo,
      people: [
        { id: 9, fullName: 'Vũ Đình Khoa', unitId: 3 },
        { id: 8, fullName: 'Phạm Quốc Huy', unitId: 1 },
      ],
    });
    expect(tree).toHaveLength(1);
    const [company] = tree;
    expect(company?.key).toBe('company');
    expect(company?.name).toBe('Công ty TNHH Thương mại Minh An');
    // The row takes MA's code, so the org chart's top unit is still recognisable.
    expect(company?.code).toBe('MA');
    expect(company?.target?.value).toBe(20 * B);
    // MA's child units (ordered by code, the archived one left out), then the people of MA itself.
    expect(company?.children?.map((r) => r.key)).toEqual(['unit:2', 'unit:5', 'person:8']);
    expect(company?.children?.some((r) => r.key === 'unit:1')).toBe(false);
    const kd = company?.children?.[0];
    expect(kd?.target).toBeNull();
    expect(kd?.children?.map((r) => [r.key, r.target?.value])).toEqual([
      ['unit:3', 10.4 * B],
      ['unit:4', 9.6 * B],
    ]);
    expect(kd?.children?.[0]?.children?.map((r) => r.key)).toEqual(['person:9']);
    // A leaf has no children array (no expander in the table).
    expect(kd?.children?.[1]).not.toHaveProperty('children');
  });

  it('keeps the top unit as its own row, marked, when it holds a target of its own', () => {
    const [company] = buildTargetTree({ companyName: 'Minh An', units, targets: [...demo, target({ type: 'unit', id: 1 }, 20 * B)] });
    expect(company?.code).toBeNull();
    expect(company?.children?.map((r) => [r.key, r.code, r.rootUnit])).toEqual([['unit:1', 'MA', true]]);
    expect(company?.children?.[0]?.children?.map((r) => r.code)).toEqual(['KD', 'MKT']);
  });

  it('folds nothing when the chart has several top units', () => {
    const twoTops = [unit(2, 'KD', null), unit(3, 'KD-MB', 2), unit(5, 'MKT', null)];
    expect(companyRootUnit(twoTops)).toBeNull();
    const [company] = buildTargetTree({ companyName: 'Minh An', units: twoTops, targets: demo });
    expect(company?.code).toBeNull();
    expect(company?.children?.map((r) => [r.code, r.rootUnit])).toEqual([
      ['KD', undefined],
      ['MKT', undefined],
    ]);
    // An archived second top unit does not count.
    expect(companyRootUnit([...units, unit(7, 'X', null, true)])?.code).toBe('MA');
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

describe('cascadeCandidates', () => {
  it('offers every live unit below the source; from the company, all but the unit that stands for it', () => {
    expect(cascadeCandidates('unit:2', units).map((u) => u.code)).toEqual(['KD-MB', 'KD-MN']);
    expect(cascadeCandidates('company', units).map((u) => u.code)).toEqual(['KD', 'KD-MB', 'KD-MN', 'MKT']);
  });
});
