import { describe, expect, it } from 'vitest';
import { validatePeopleRows } from './import-rows';

const ctx = {
  unitIdByCode: new Map([
    ['SALES', { id: 2, archived: false }],
    ['OLD', { id: 9, archived: true }],
  ]),
  positionIdByCode: new Map([['sales-rep', 5]]),
  existingEmails: new Set(['boss@acme.vn']),
};
const headers = ['Họ và tên', 'Email', 'Mã phòng ban', 'Chức danh', 'Email quản lý'];

describe('people import validation', () => {
  it('accepts Vietnamese headers and links managers inside the file or already in the system', () => {
    const { rows, issues } = validatePeopleRows(
      headers,
      [
        ['Nguyễn Văn An', 'an@acme.vn', 'sales', 'sales-rep', 'boss@acme.vn'],
        ['Trần Thị Bình', 'BINH@acme.vn', 'SALES', '', 'an@acme.vn'],
      ],
      ctx,
    );
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { row: 2, fullName: 'Nguyễn Văn An', email: 'an@acme.vn', unitId: 2, positionId: 5, managerEmail: 'boss@acme.vn' },
      { row: 3, fullName: 'Trần Thị Bình', email: 'binh@acme.vn', unitId: 2, positionId: null, managerEmail: 'an@acme.vn' },
    ]);
  });

  it('reports every bad row with row number and column, and returns no rows', () => {
    const { rows, issues } = validatePeopleRows(
      headers,
      [
        ['Nguyễn Văn An', 'an@acme.vn', 'SALES', '', ''],
        ['', 'not-an-email', 'NOPE', 'ceo', ''],
        ['Lê Văn Cường', 'an@acme.vn', 'OLD', '', 'ghost@acme.vn'],
      ],
      ctx,
    );
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'Họ và tên', 'required'],
      [3, 'Email', 'invalid_email'],
      [3, 'Mã phòng ban', 'unknown_unit'],
      [3, 'Chức danh', 'unknown_position'],
      [4, 'Email', 'duplicate'],
      [4, 'Mã phòng ban', 'archived_unit'],
    ]);
    expect(issues[4]!.message.vi).toBe('Dòng 4, cột "Email": trùng với dòng 2.');
    expect(issues[4]!.message.en).toBe('Row 4, column "Email": duplicates row 2.');
  });

  it('finds unknown managers and manager cycles', () => {
    const { issues } = validatePeopleRows(
      headers,
      [
        ['A', 'a@x.vn', 'SALES', '', 'b@x.vn'],
        ['B', 'b@x.vn', 'SALES', '', 'a@x.vn'],
        ['C', 'c@x.vn', 'SALES', '', 'ghost@x.vn'],
      ],
      ctx,
    );
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'manager_cycle'],
      [3, 'manager_cycle'],
      [4, 'unknown_manager'],
    ]);
    expect(issues[0]!.message.en).toContain('a@x.vn → b@x.vn → a@x.vn');
  });

  it('rejects a file without the required columns or without rows', () => {
    expect(validatePeopleRows(['Email'], [['a@x.vn']], ctx).issues.map((i) => i.code)).toEqual(['missing_column', 'missing_column']);
    expect(validatePeopleRows(headers, [], ctx).issues.map((i) => i.code)).toEqual(['empty']);
  });
});
