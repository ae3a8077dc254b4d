import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../period';
import { evaluatePeriod, pickActual, pickTarget, rollUpKpiTree, strategyTree, unitScores, unitTreeOrder, type ActualTotals, type EvalKpi } from '.';

const kpi = (code: string, over: Partial<EvalKpi> = {}): EvalKpi => ({
  id: code.length * 100 + code.charCodeAt(0),
  code,
  level: 'operational',
  direction: 'increase',
  aggregation: 'sum',
  frequency: 'monthly',
  parents: [],
  ...over,
});
const totals = (kind: string, values: number[], parts?: [number, number][]): ActualTotals => ({
  kind,
  count: values.length,
  sum: values.reduce((a, b) => a + b, 0),
  avg: values.reduce((a, b) => a + b, 0) / values.length,
  min: Math.min(...values),
  max: Math.max(...values),
  last: values[values.length - 1]!,
  numeratorSum: parts ? parts.reduce((a, p) => a + p[0], 0) : null,
  denominatorSum: parts ? parts.reduce((a, p) => a + p[1], 0) : null,
});

describe('pickTarget', () => {
  const months = [
    { period: '2026-01', value: 20, min: 18 },
    { period: '2026-02', value: 22, min: 19 },
    { period: '2026-03', value: 25, min: 21 },
  ];
  it('sums the months of a quarter for a sum KPI (20 + 22 + 25 = 67; min 18 + 19 + 21 = 58)', () => {
    expect(pickTarget('sum', parsePeriod('2026-Q1'), months)).toEqual({ value: 67, min: 58, from: 'children' });
  });
  it("prefers the period's own target", () => {
    expect(pickTarget('sum', parsePeriod('2026-Q1'), [...months, { period: '2026-Q1', value: 70 }])).toEqual({ value: 70, from: 'exact' });
  });
  it('gives none for averages and ratios, and when a month is missing', () => {
    expect(pickTarget('ratio', parsePeriod('2026-Q1'), months)).toBeNull();
    expect(pickTarget('sum', parsePeriod('2026-Q1'), months.slice(0, 2))).toBeNull();
  });
  it('sums quarters for a year (10 + 20 + 30 + 40 = 100)', () => {
    const quarters = [1, 2, 3, 4].map((q) => ({ period: `2026-Q${q}`, value: q * 10 }));
    expect(pickTarget('sum', parsePeriod('2026'), quarters)).toEqual({ value: 100, from: 'children' });
  });
});

describe('pickActual', () => {
  it('takes Σ numerator ÷ Σ denominator for ratio KPIs: (10 + 90) ÷ (100 + 300) = 25 %, not the 20 % average of ratios', () => {
    const t = totals('month', [0.1, 0.3], [[10, 100], [90, 300]]);
    expect(pickActual('ratio', 'month', parsePeriod('2026-Q1'), [t])).toEqual({ value: 0.25, from: 'month', periods: 2 });
  });
  it('lets a value stored for exactly the period win', () => {
    const t = [totals('month', [0.1, 0.3], [[10, 100], [90, 300]]), totals('quarter', [0.3])];
    expect(pickActual('ratio', 'month', parsePeriod('2026-Q1'), t)).toEqual({ value: 0.3, from: 'exact', periods: 1 });
  });
  it('has no value for a ratio without parts', () => {
    expect(pickActual('ratio', 'month', parsePeriod('2026-Q1'), [totals('month', [0.1])])).toBeNull();
  });
});

describe('evaluatePeriod', () => {
  it('scores increase, decrease and missing actuals', () => {
    const rev = kpi('REV');
    const complaints = kpi('CMP', { direction: 'decrease' });
    const nps = kpi('NPS', { aggregation: 'avg' });
    const period = parsePeriod('2026-03');
    const rows = evaluatePeriod([rev, complaints, nps], period, {
      targets: new Map([
        [rev.id, [{ period: '2026-03', value: 200 }]],
        [complaints.id, [{ period: '2026-03', value: 10 }]],
        [nps.id, [{ period: '2026-03', value: 50 }]],
      ]),
      actuals: new Map([
        [rev.id, [totals('month', [250])]],
        [complaints.id, [totals('month', [12])]],
      ]),
    });
    // REV 250 / 200 = 125 %, score capped at 120 %; CMP 10 / 12 = 83.33 % → amber; NPS no actual → none.
    expect(rows.map((r) => [r.code, r.actual?.value ?? null, r.achievement, r.score, r.status])).toEqual([
      ['REV', 250, 1.25, 1.2, 'green'],
      ['CMP', 12, 10 / 12, 10 / 12, 'amber'],
      ['NPS', null, null, null, 'none'],
    ]);
  });
  it('scores a range KPI inside its [min, max] band', () => {
    const temp = kpi('TEMP', { direction: 'range', aggregation: 'avg' });
    const [row] = evaluatePeriod([temp], parsePeriod('2026-03'), {
      targets: new Map([[temp.id, [{ period: '2026-03', value: 5, min: 4, max: 6 }]]]),
      actuals: new Map([[temp.id, [totals('month', [6.5])]]]),
    });
    // 0.5 outside, tolerance = width 2 → 1 − 0.5 / 2 = 75 %
    expect(row!.achievement).toBeCloseTo(0.75, 12);
  });
});

describe('rollUpKpiTree', () => {
  const p = kpi('P', { level: 'strategic' });
  const q = kpi('Q', { level: 'strategic' });
  const a = kpi('A', { parents: [{ code: 'P', weight: 0.5 }] });
  const b = kpi('B', { parents: [{ code: 'P', weight: 0.3 }, { code: 'Q', weight: 1 }] });
  const c = kpi('C', { parents: [{ code: 'P', weight: 0.2 }] });
  const scores = new Map<string, number | null>([['P', 0.9], ['Q', null], ['A', 1.1], ['B', 0.8], ['C', null]]);

  it('weights the children and leaves a missing one out', () => {
    const r = rollUpKpiTree([p, q, a, b, c], scores);
    // P: (0.5 × 1.1 + 0.3 × 0.8) ÷ (0.5 + 0.3) = 0.79 ÷ 0.8 = 0.9875; C has no value.
    expect(r.byCode.get('P')!.rolledScore).toBeCloseTo(0.9875, 12);
    expect(r.byCode.get('P')).toMatchObject({ rolledStatus: 'amber', children: 3, missingChildren: 1 });
    // Q has no own score: its roll-up is B alone = 0.8.
    expect(r.byCode.get('Q')!.rolledScore).toBeCloseTo(0.8, 12);
    // Company: roots P (own 0.9) and Q (rolled 0.8) → (0.9 + 0.8) ÷ 2 = 0.85.
    expect(r.roots).toEqual(['P', 'Q']);
    expect(r.companyScore).toBeCloseTo(0.85, 12);
  });

  it('shows a child with two parents under each', () => {
    const tree = strategyTree(rollUpKpiTree([p, q, a, b, c], scores));
    const codes = (nodes: typeof tree): unknown => nodes.map((n) => (n.children.length ? [n.code, codes(n.children)] : n.code));
    expect(codes(tree)).toEqual([['P', ['A', 'B', 'C']], ['Q', ['B']]]);
    expect(tree[0]!.children.map((n) => n.weight)).toEqual([0.5, 0.3, 0.2]);
  });
});

describe('unit scores', () => {
  const units = [
    { id: 1, code: 'MA', parentId: null },
    { id: 3, code: 'KD', parentId: 1 },
    { id: 4, code: 'KD-MN', parentId: 3 },
    { id: 2, code: 'KD-MB', parentId: 3 },
  ];
  it('orders the tree depth first', () => {
    expect(unitTreeOrder(units).map((u) => [u.unit.code, u.depth])).toEqual([['MA', 0], ['KD', 1], ['KD-MB', 2], ['KD-MN', 2]]);
  });
  it('averages own KPI scores and pools the subtree', () => {
    const s = unitScores(units, new Map([[2, [1, 0.8]], [4, [0.6, null]], [3, [1.2]]]));
    // KD-MB (1 + 0.8) ÷ 2 = 0.9; KD-MN 0.6; KD own 1.2, rolled (1.2 + 1 + 0.8 + 0.6) ÷ 4 = 0.9.
    expect(s.get(2)!.score).toBeCloseTo(0.9, 12);
    expect(s.get(4)!.score).toBeCloseTo(0.6, 12);
    expect(s.get(3)!.rolledScore).toBeCloseTo(0.9, 12);
    expect(s.get(1)).toMatchObject({ score: null, rolledCount: 4 });
  });
});

describe('targets of rates and averages', () => {
  it('take the shortest enclosing period when the period has none of its own', async () => {
    const { pickTarget } = await import('./pick-target');
    const { parsePeriod } = await import('../period');
    const targets = [
      { period: '2026', value: 0.25 },
      { period: '2026-Q4', value: 0.3, min: 0.2 },
    ];
    // October lies in both 2026 and 2026-Q4: the quarter (92 days) is shorter than the year.
    expect(pickTarget('ratio', parsePeriod('2026-10'), targets)).toEqual({ value: 0.3, min: 0.2, from: 'enclosing' });
    expect(pickTarget('avg', parsePeriod('2026-03'), targets)).toEqual({ value: 0.25, from: 'enclosing' });
    // Sums never inherit: 240 tỷ for the year is not the target of one month.
    expect(pickTarget('sum', parsePeriod('2026-03'), [{ period: '2026', value: 240e9 }])).toBeNull();
  });
});
