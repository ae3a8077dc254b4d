import { describe, expect, it } from 'vitest';
import { isFormulaCell, neutralizeForExport, unprotectCell } from './formula-cells';

describe('the one rule for formula-looking cells', () => {
  it('a text starting with = + - @ tab or CR (after spaces) that is not a number is formula-looking', () => {
    for (const t of ['=HYPERLINK("http://x","y")', '+SUM(A1)', '@cmd', '-2+3', '\t=1', '\rcmd', '\tabc', '=1', ' =1+1', '\u00a0@x']) {
      expect(isFormulaCell(t), JSON.stringify(t)).toBe(true);
    }
    for (const t of ['-5', '+1.234,5', '-12,5%', ' -5', 'REVENUE', 'a=b', "'=1", '', ' ']) {
      expect(isFormulaCell(t), JSON.stringify(t)).toBe(false);
    }
  });

  it('an export protection (apostrophe or tab before = + - @) is removed on import; other text is kept', () => {
    expect(unprotectCell("'=1+1")).toBe('=1+1');
    expect(unprotectCell('\t=1+1')).toBe('=1+1');
    expect(unprotectCell("'-5")).toBe('-5');
    expect(unprotectCell("'abc")).toBe("'abc");
    expect(unprotectCell('\tabc')).toBe('\tabc');
    expect(unprotectCell("'")).toBe("'");
  });

  it('exports protect exactly the formula-looking texts, and an import sees the protected cell as the original', () => {
    expect(neutralizeForExport('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutralizeForExport('-5')).toBe('-5');
    expect(neutralizeForExport('Doanh thu')).toBe('Doanh thu');
    for (const t of ['=1+1', '+SUM(A1)', '@cmd', '-2+3']) {
      const exported = neutralizeForExport(t);
      expect(isFormulaCell(exported)).toBe(false);
      expect(unprotectCell(exported)).toBe(t);
      expect(isFormulaCell(unprotectCell(exported))).toBe(true);
    }
  });
});
