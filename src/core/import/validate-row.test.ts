import { describe, expect, it } from 'vitest';
import { IssueList } from './issues';
import { ActualRowValidator, type Cell, type KpiInfo } from './validate-row';

const REV: KpiInfo = { id: 1, code: 'REV', frequency: 'monthly', aggregation: 'sum', unit: 'VND', source: 'import', status: 'active', reportWithinDays: 5 };
const RATE: KpiInfo = { id: 2, code: 'RATE', frequency: 'monthly', aggregation: 'ratio', unit: '%', source: 'import', status: 'active', reportWithinDays: null };
const lookups = {
  kpis: new Map([
    ['REV', REV],
    ['RATE', RATE],
  ]),
  units: new Map([['KD', { id: 10, archived: false }]]),
  people: new Map([['an@x.vn', { id: 100, unitId: 10 }]]),
  writableUnits: 'all' as const,
  companyKpis: 'all' as const,
};
const headers = ['Mã KPI', 'Kỳ', 'Phòng ban', 'Nhân sự', 'Giá trị', 'Tử số', 'Mẫu số'];
const columns = { kpi: 0, period: 1, unit: 2, person: 3, value: 4, numerator: 5, denominator: 6 };

/** Checks rows numbered from 2 (row 1 is the header). */
function checkAll(rows: Cell[][]) {
  const v = new ActualRowValidator({ lookups, columns, headers, decimal: 'comma', today: '2026-04-02', otherDelimiter: ',' });
  const issues = new IssueList();
  const results = rows.map((cells, i) => v.check(i + 2, cells, issues));
  return { results, issues };
}

describe('ActualRowValidator', () => {
  it('finds duplicates whatever the spelling of period and unit, and tells person, unit and company apart', () => {
    const { results, issues } = checkAll([
      ['REV', '2026-03', '', '', '1'], // row 2: company, 2026-03
      ['REV', '03/2026', '', '', '2'], // row 3: same as row 2
      ['REV', '15/03/2026', 'KD', '', '3'], // row 4: unit KD, 2026-03 (a date inside March)
      ['rev', '2026-03', 'kd', '', '4'], // row 5: same as row 4 (codes are case-insensitive)
      ['REV', '2026-03', 'KD', 'an@x.vn', '5'], // row 6: the person scope, not the unit
      ['REV', '2026-04', '', '', '6'], // row 7: another month
    ]);
    expect(results.map((r) => r?.row ?? null)).toEqual([2, null, 4, null, 6, 7]);
    expect(results.map((r) => r && `${r.scope.type}:${r.scope.id}`)).toEqual(['company:null', null, 'unit:10', null, 'person:100', 'company:null']);
    expect(issues.items.map((i) => [i.row, i.column, i.code, i.message.en])).toEqual([
      [3, 'Kỳ', 'duplicate', 'Row 3, column "Kỳ": same KPI, period and scope as row 2.'],
      [5, 'Kỳ', 'duplicate', 'Row 5, column "Kỳ": same KPI, period and scope as row 4.'],
    ]);
  });

  it('reads values in the file style, ratios and lateness', () => {
    const { results } = checkAll([
      ['REV', '2026-03', '', '', '1.234,5', '', ''], // 1*1000 + 234 + 0.5 = 1234.5; March ends 31/03, +5 days = 05/04 ≥ 02/04: on time
      ['REV', '2026-02', '', '', '-7', '', ''], // February ends 28/02, +5 days = 05/03 < 02/04: late
      ['RATE', '2026-03', '', '', '', '3', '4'], // 3 / 4 = 0.75
    ]);
    expect(results[0]).toMatchObject({ kpiId: 1, period: '2026-03', kind: 'month', start: '2026-03-01', end: '2026-03-31', value: 1234.5, numerator: null, denominator: null, late: false, comment: null, source: 'import' });
    expect(results[1]).toMatchObject({ period: '2026-02', value: -7, late: true });
    expect(results[2]).toMatchObject({ kpiId: 2, value: 0.75, numerator: 3, denominator: 4, late: false });
  });

  it('reports every problem of a row, in column order, and blank rows not at all', () => {
    const { results, issues } = checkAll([
      ['REV', '2026-03', 'XX', '', 'abc', '1'],
      ['', ' ', '', '', ''],
      ['=1+1', '2026-03', '', '', '@x'],
    ]);
    expect(results).toEqual([null, null, null]);
    expect(issues.items.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'Phòng ban', 'unknown_unit'],
      [2, 'Giá trị', 'not_a_number'],
      [2, 'Tử số', 'not_ratio'],
      [4, 'Mã KPI', 'formula_injection'],
      [4, 'Giá trị', 'formula_injection'],
    ]);
    expect(issues.badRows).toBe(2);
  });

  it('refuses numbers out of range with the codes a check-in or push gives, numeric XLSX cells included', () => {
    const { results, issues } = checkAll([
      ['REV', '2026-03', '', '', 1e16], // a numeric cell beyond 10^15
      ['REV', '2026-04', '', '', Number.POSITIVE_INFINITY], // not finite: such a row used to vanish without an issue
      ['RATE', '2026-03', '', '', '', '3', '0'], // denominator 0 < 10^-6
      ['REV', '2026-05', '', '', '1.000.000.000.000.000.000'], // 10^18 in the file's style
      ['REV', '2026-06', '', '', '-0,0000000001', '', ''], // 10^-10: neither 0 nor ≥ 10^-9
    ]);
    expect(results).toEqual([null, null, null, null, null]);
    expect(issues.items.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'Giá trị', 'too_big'],
      [3, 'Giá trị', 'too_big'],
      [4, 'Mẫu số', 'too_small'],
      [5, 'Giá trị', 'too_big'],
      [6, 'Giá trị', 'too_small'],
    ]);
  });

  it('a row written with the other delimiter, or with cells beyond the header, is one issue', () => {
    const { results, issues } = checkAll([['REV,2026-03,,,1'], ['REV', '2026-03', '', '', '1', '', '', 'extra']]);
    expect(results).toEqual([null, null]);
    expect(issues.items.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'Mã KPI', 'mixed_delimiter'],
      [3, 'Mẫu số', 'column_count'],
    ]);
  });
});

describe('issue messages name the columns of the user’s file', () => {
  it('uses the file’s own header, and the field’s label for a column the file does not have', () => {
    // An English file without a unit or person column; the importer may write no company-level row.
    const v = new ActualRowValidator({
      lookups: { ...lookups, companyKpis: new Set<number>() },
      columns: { kpi: 0, period: 1, value: 2 },
      headers: ['KPI', 'Month', 'Amount'],
      decimal: 'comma',
      today: '2026-04-02',
      otherDelimiter: ',',
    });
    const issues = new IssueList();
    v.check(2, ['REV', '2026-13', '1'], issues); // no such month: on the "Month" column
    v.check(3, ['REV', '2026-03', 'abc'], issues); // not a number: on the "Amount" column
    v.check(4, ['REV', '2026-03', '5'], issues); // a company-level row: about the scope, which has no column
    expect(issues.items.map((i) => [i.column, i.message.vi.split(':')[0], i.message.en.split(':')[0]])).toEqual([
      ['Month', 'Dòng 2, cột "Month"', 'Row 2, column "Month"'],
      ['Phòng ban', 'Dòng 2, cột "Phòng ban"', 'Row 2, column "Org unit"'],
      ['Phòng ban', 'Dòng 3, cột "Phòng ban"', 'Row 3, column "Org unit"'],
      ['Amount', 'Dòng 3, cột "Amount"', 'Row 3, column "Amount"'],
      ['Phòng ban', 'Dòng 4, cột "Phòng ban"', 'Row 4, column "Org unit"'],
    ]);
    expect(issues.items[4]?.code).toBe('forbidden_scope');
    for (const i of issues.items) expect(`${i.message.vi} ${i.message.en}`).not.toMatch(/"(unit|period|value|kpi|person)"/);
  });

  it('names a user header such as "Phòng ban" as written, spaces trimmed', () => {
    const v = new ActualRowValidator({ lookups, columns: { kpi: 0, period: 1, unit: 2, value: 3 }, headers: ['Mã', 'Tháng', ' Phòng ban ', 'Số tiền'], decimal: 'comma', today: '2026-04-02', otherDelimiter: ',' });
    const issues = new IssueList();
    v.check(2, ['REV', '2026-03', 'XX', '1'], issues);
    expect(issues.items.map((i) => i.message.vi)).toEqual(['Dòng 2, cột "Phòng ban": không có phòng ban "XX".']);
  });
});
