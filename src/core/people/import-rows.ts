import { issue, type Issue } from '../errors';
import { FORMULA_CELL_MESSAGE, isFormulaCell } from '../import/formula-cells';

/** One validated person from an import file. `row` is the spreadsheet row number (header = 1). */
export interface PersonImportRow {
  row: number;
  fullName: string;
  email: string | null;
  unitId: number;
  positionId: number | null;
  /** Manager's email: an existing person or another row of the same file. */
  managerEmail: string | null;
}

export interface PeopleImportContext {
  unitIdByCode: ReadonlyMap<string, { id: number; archived: boolean }>;
  positionIdByCode: ReadonlyMap<string, number>;
  existingEmails: ReadonlySet<string>;
}

type Field = 'fullName' | 'email' | 'unit' | 'position' | 'managerEmail';

/** Accepted header spellings (compared without diacritics, case and spaces). */
const HEADER_ALIASES: Record<Field, string[]> = {
  fullName: ['hovaten', 'hoten', 'ten', 'fullname', 'name'],
  email: ['email', 'thudientu'],
  unit: ['maphongban', 'phongban', 'madonvi', 'donvi', 'unit', 'unitcode'],
  position: ['machucdanh', 'chucdanh', 'position', 'positioncode'],
  managerEmail: ['emailquanly', 'quanly', 'manageremail', 'manager'],
};

export const MAX_IMPORT_ROWS = 20_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Maps the file's headers to our fields; reports missing required columns. */
export function mapHeaders(headers: string[]): { columns: Partial<Record<Field, number>>; issues: Issue[] } {
  const columns: Partial<Record<Field, number>> = {};
  headers.forEach((h, index) => {
    const n = normalizeHeader(h);
    for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [Field, string[]][]) {
      if (columns[field] === undefined && aliases.includes(n)) columns[field] = index;
    }
  });
  const issues: Issue[] = [];
  if (columns.fullName === undefined) {
    issues.push(issue('header', 'missing_column', 'Thiếu cột "Họ và tên".', 'Missing column "Full name".', { row: 1, column: 'Họ và tên' }));
  }
  if (columns.unit === undefined) {
    issues.push(issue('header', 'missing_column', 'Thiếu cột "Mã phòng ban".', 'Missing column "Unit code".', { row: 1, column: 'Mã phòng ban' }));
  }
  return { columns, issues };
}

/**
 * Validates every row and reports every problem (row number, column, reason).
 * The caller writes nothing when any issue is returned.
 */
export function validatePeopleRows(
  headers: string[],
  rows: string[][],
  ctx: PeopleImportContext,
): { rows: PersonImportRow[]; issues: Issue[] } {
  const { columns, issues } = mapHeaders(headers);
  if (issues.length > 0) return { rows: [], issues };
  if (rows.length === 0) {
    return { rows: [], issues: [issue('file', 'empty', 'Tệp không có dòng dữ liệu nào.', 'The file has no data rows.')] };
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    const msg = `Tệp có ${rows.length} dòng, tối đa ${MAX_IMPORT_ROWS}.`;
    return { rows: [], issues: [issue('file', 'too_many_rows', msg, `The file has ${rows.length} rows; at most ${MAX_IMPORT_ROWS}.`)] };
  }
  const cell = (r: string[], f: Field) => (columns[f] === undefined ? '' : (r[columns[f]!] ?? '').trim());
  const columnName = (f: Field) => headers[columns[f] ?? -1] ?? f;
  const out: PersonImportRow[] = [];
  const fileEmails = new Map<string, number>();

  rows.forEach((r, i) => {
    const row = i + 2;
    const bad = (f: Field, code: string, vi: string, en: string) =>
      issues.push(issue(`row ${row} / ${columnName(f)}`, code, `Dòng ${row}, cột "${columnName(f)}": ${vi}`, `Row ${row}, column "${columnName(f)}": ${en}`, { row, column: columnName(f) }));
    const before = issues.length;

    // Formula-looking cells first, on the cell as read (before trimming): such a cell is never read as data.
    for (const f of Object.keys(columns) as Field[]) {
      const raw = r[columns[f]!];
      if (raw !== undefined && isFormulaCell(raw)) bad(f, 'formula_injection', FORMULA_CELL_MESSAGE.vi, FORMULA_CELL_MESSAGE.en);
    }
    if (issues.length > before) return;

    const fullName = cell(r, 'fullName');
    if (!fullName) bad('fullName', 'required', 'bắt buộc nhập.', 'is required.');
    else if (fullName.length > 200) bad('fullName', 'too_long', 'dài quá 200 ký tự.', 'is longer than 200 characters.');

    const emailRaw = cell(r, 'email');
    const email = emailRaw ? emailRaw.toLowerCase() : null;
    if (email) {
      if (!EMAIL.test(email) || email.length > 254) bad('email', 'invalid_email', `"${emailRaw}" không phải email hợp lệ.`, `"${emailRaw}" is not a valid email.`);
      else if (ctx.existingEmails.has(email)) bad('email', 'taken', `${emailRaw} đã có trong hệ thống.`, `${emailRaw} already exists.`);
      else if (fileEmails.has(email)) bad('email', 'duplicate', `trùng với dòng ${fileEmails.get(email)}.`, `duplicates row ${fileEmails.get(email)}.`);
      else fileEmails.set(email, row);
    }

    const unitCode = cell(r, 'unit');
    const unit = ctx.unitIdByCode.get(unitCode.toUpperCase());
    if (!unitCode) bad('unit', 'required', 'bắt buộc nhập.', 'is required.');
    else if (!unit) bad('unit', 'unknown_unit', `phòng ban "${unitCode}" không tồn tại.`, `unit "${unitCode}" does not exist.`);
    else if (unit.archived) bad('unit', 'archived_unit', `phòng ban "${unitCode}" đã lưu trữ.`, `unit "${unitCode}" is archived.`);

    const positionCode = cell(r, 'position');
    const positionId = positionCode ? ctx.positionIdByCode.get(positionCode.toLowerCase()) : undefined;
    if (positionCode && positionId === undefined) {
      bad('position', 'unknown_position', `chức danh "${positionCode}" không tồn tại.`, `position "${positionCode}" does not exist.`);
    }

    const managerEmail = cell(r, 'managerEmail').toLowerCase() || null;
    if (managerEmail && managerEmail === email) bad('managerEmail', 'self_manager', 'một người không thể tự quản lý mình.', 'a person cannot manage themselves.');

    if (issues.length === before && unit) {
      out.push({ row, fullName, email, unitId: unit.id, positionId: positionId ?? null, managerEmail });
    }
  });

  // Managers must exist already or appear in the file.
  for (const p of out) {
    if (p.managerEmail && !fileEmails.has(p.managerEmail) && !ctx.existingEmails.has(p.managerEmail)) {
      const col = columnName('managerEmail');
      issues.push(issue(`row ${p.row} / ${col}`, 'unknown_manager', `Dòng ${p.row}, cột "${col}": không có nhân sự với email ${p.managerEmail}.`, `Row ${p.row}, column "${col}": no person with email ${p.managerEmail}.`, { row: p.row, column: col }));
    }
  }
  // Within the file, manager links must not loop (A manages B, B manages A).
  const managerOf = new Map(out.filter((p) => p.email).map((p) => [p.email!, p.managerEmail]));
  for (const p of out) {
    if (!p.email) continue;
    const seen = [p.email];
    let m = managerOf.get(p.email);
    while (m && managerOf.has(m) && !seen.includes(m)) {
      seen.push(m);
      m = managerOf.get(m);
    }
    if (m === p.email) {
      const col = columnName('managerEmail');
      const path = [...seen, p.email].join(' → ');
      issues.push(issue(`row ${p.row} / ${col}`, 'manager_cycle', `Dòng ${p.row}, cột "${col}": quan hệ quản lý bị vòng lặp (${path}).`, `Row ${p.row}, column "${col}": manager links form a cycle (${path}).`, { row: p.row, column: col }));
    }
  }
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { rows: issues.length ? [] : out, issues };
}
