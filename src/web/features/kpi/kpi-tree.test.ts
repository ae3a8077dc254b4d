import { describe, expect, it } from 'vitest';
import { buildKpiTree } from './kpi-tree';

const k = (code: string, level: string, parents: string[] = []) => ({ code, level, parents: parents.map((c) => ({ code: c })) });

type Row = { code: string; key: string; children?: Row[] };
const shape = (rows: Row[]): unknown => rows.map((r) => (r.children ? { [r.key]: shape(r.children) } : r.key));

describe('buildKpiTree', () => {
  it('puts strategic KPIs at the top and children under their parents', () => {
    const tree = buildKpiTree([k('ORDERS', 'tactical', ['REVENUE']), k('LEADS', 'tactical', ['SHARE']), k('SHARE', 'strategic'), k('REVENUE', 'strategic'), k('LONE', 'operational')]);
    expect(shape(tree)).toEqual([{ REVENUE: ['REVENUE/ORDERS'] }, { SHARE: ['SHARE/LEADS'] }, 'LONE']);
  });

  it('shows a KPI with two parents under both, and a KPI whose parent is filtered out as a root', () => {
    const tree = buildKpiTree([k('A', 'strategic'), k('B', 'strategic'), k('C', 'tactical', ['A', 'B']), k('D', 'operational', ['MISSING'])]);
    expect(shape(tree)).toEqual([{ A: ['A/C'] }, { B: ['B/C'] }, 'D']);
  });

  it('cuts cycles', () => {
    const tree = buildKpiTree([k('ROOT', 'strategic'), k('X', 'tactical', ['ROOT', 'Y']), k('Y', 'tactical', ['X'])]);
    // ROOT → X → Y, and Y's child X is already on the path, so it stops there
    expect(shape(tree)).toEqual([{ ROOT: [{ 'ROOT/X': ['ROOT/X/Y'] }] }]);
  });
});
