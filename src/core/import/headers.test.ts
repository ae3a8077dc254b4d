import { describe, expect, it } from 'vitest';
import { isFormulaInjection } from './injection';
import { normalizeHeader, resolveColumns, suggestMapping } from './headers';

describe('header matching', () => {
  it('matches Vietnamese headers with and without diacritics, and English ones', () => {
    expect(normalizeHeader('Mã KPI')).toBe('makpi');
    expect(suggestMapping(['Mã KPI', 'Kỳ', 'Phòng ban', 'Nhân sự', 'Giá trị', 'Ghi chú'])).toEqual({
      kpi: 'Mã KPI',
      period: 'Kỳ',
      unit: 'Phòng ban',
      person: 'Nhân sự',
      value: 'Giá trị',
      comment: 'Ghi chú',
    });
    expect(suggestMapping(['MA KPI', 'ngay', 'THUC HIEN', 'tu so', 'Mau so'])).toEqual({
      kpi: 'MA KPI',
      date: 'ngay',
      value: 'THUC HIEN',
      numerator: 'tu so',
      denominator: 'Mau so',
    });
    expect(suggestMapping(['KPI code', 'Period', 'Value', 'Comment'])).toEqual({ kpi: 'KPI code', period: 'Period', value: 'Value', comment: 'Comment' });
  });

  it('resolves a mapping to column indexes and reports missing or unknown columns', () => {
    expect(resolveColumns(['A', 'B', 'C'], { kpi: 'A', period: 'b', value: 'C' })).toEqual({ ok: true, columns: { kpi: 0, period: 1, value: 2 } });
    expect(resolveColumns(['A', 'B'], { kpi: 'A', value: 'B' })).toEqual({ ok: false, problems: [{ code: 'missing_column', field: 'period' }] });
    expect(resolveColumns(['A', 'B'], { kpi: 'A', period: 'B', value: 'Z' })).toEqual({
      ok: false,
      problems: [{ code: 'unknown_header', field: 'value', header: 'Z' }],
    });
  });
});

describe('formula injection', () => {
  it('rejects cells a spreadsheet would run, accepts plain numbers', () => {
    for (const t of ['=HYPERLINK("http://x","y")', '+SUM(A1)', '@cmd', '-2+3', '\t=1', '\rcmd', '=1']) expect(isFormulaInjection(t), t).toBe(true);
    for (const t of ['-5', '+1.234,5', '-12,5%', 'REVENUE', 'a=b', '']) expect(isFormulaInjection(t), t).toBe(false);
  });
});
