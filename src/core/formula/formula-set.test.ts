import { describe, expect, it } from 'vitest';
import { evaluateFormulaSet, validateFormulaSet } from './formula-set';

describe('validateFormulaSet', () => {
  it('accepts a valid set and orders it for evaluation', () => {
    const set = validateFormulaSet(
      [
        { code: 'MARGIN', formula: '[PROFIT] / [REV]' },
        { code: 'PROFIT', formula: '[REV] - [COST]' },
        { code: 'CLOSE_RATE', formula: '[CLOSED] / [LEADS]' },
      ],
      ['REV', 'COST', 'CLOSED', 'LEADS'],
    );
    expect(set.ok).toBe(true);
    expect(set.issues).toEqual([]);
    expect(set.order.indexOf('PROFIT')).toBeLessThan(set.order.indexOf('MARGIN'));

    const results = evaluateFormulaSet(set, { REV: 2_000, COST: 1_500, CLOSED: 3, LEADS: 0 });
    // PROFIT = 2,000 - 1,500 = 500; MARGIN = 500 / 2,000 = 0.25; CLOSE_RATE = 3 / 0 → no value
    expect(results.get('PROFIT')).toEqual({ ok: true, value: 500 });
    expect(results.get('MARGIN')).toEqual({ ok: true, value: 0.25 });
    expect(results.get('CLOSE_RATE')).toMatchObject({ ok: false, reason: { code: 'DIVISION_BY_ZERO' } });
  });

  it('passes "no value" along to formulas that use it', () => {
    const set = validateFormulaSet(
      [
        { code: 'PROFIT', formula: '[REV] - [COST]' },
        { code: 'MARGIN', formula: '[PROFIT] / [REV]' },
      ],
      ['REV', 'COST'],
    );
    const results = evaluateFormulaSet(set, { REV: 100 });
    expect(results.get('PROFIT')).toMatchObject({ ok: false, reason: { code: 'MISSING_VALUE', kpi: 'COST' } });
    expect(results.get('MARGIN')).toMatchObject({ ok: false, reason: { code: 'MISSING_VALUE', kpi: 'PROFIT' } });
  });

  it('reports unknown references, syntax errors and cycles with their paths', () => {
    const set = validateFormulaSet(
      [
        { code: 'A', formula: '[B] + 1' },
        { code: 'B', formula: '[C] * 2' },
        { code: 'C', formula: '[A] - [REV]' },
        { code: 'D', formula: '[REV] + [NOPE]' },
        { code: 'E', formula: '([REV] + 1' },
        { code: 'F', formula: '[F] + 1' },
        { code: 'G', formula: 'sum(sales)' },
      ],
      ['REV'],
    );
    expect(set.ok).toBe(false);
    const byKpi = (kpi: string) => set.issues.filter((i) => i.kpi === kpi).map((i) => ({ code: i.code, line: i.line, column: i.column, params: i.params }));
    expect(byKpi('A')).toEqual([{ code: 'CIRCULAR_REFERENCE', line: 1, column: 1, params: { cycle: ['A', 'B', 'C', 'A'] } }]);
    expect(byKpi('B')).toEqual([{ code: 'CIRCULAR_REFERENCE', line: 1, column: 1, params: { cycle: ['B', 'C', 'A', 'B'] } }]);
    expect(byKpi('C')).toEqual([{ code: 'CIRCULAR_REFERENCE', line: 1, column: 1, params: { cycle: ['C', 'A', 'B', 'C'] } }]);
    expect(byKpi('D')).toEqual([{ code: 'UNKNOWN_KPI', line: 1, column: 9, params: { code: 'NOPE' } }]);
    expect(byKpi('E').map((i) => i.code)).toEqual(['MISSING_CLOSING_PAREN']);
    expect(byKpi('F')).toEqual([{ code: 'CIRCULAR_REFERENCE', line: 1, column: 1, params: { cycle: ['F', 'F'] } }]);
    expect(byKpi('G').map((i) => i.code)).toEqual(['AGGREGATE_IN_KPI_FORMULA']);
    const a = set.issues.find((i) => i.kpi === 'A')!;
    expect(a.message.vi).toBe('Công thức tham chiếu vòng: A → B → C → A tại dòng 1, cột 1');
    expect(a.message.en).toBe('Circular reference: A → B → C → A at line 1, column 1');
    expect(set.order).toEqual([]);
    expect([...set.formulas.keys()]).toEqual([]);
  });
});
