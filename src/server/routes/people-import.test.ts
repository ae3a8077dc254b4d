import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { multipartFile } from '../../../test/helpers/multipart';

const HEADER = 'Họ và tên,Email,Mã phòng ban,Chức danh,Email quản lý';

/** 500 valid rows in the two sales teams, reporting to the team leads. */
function rows500(): string[] {
  return Array.from({ length: 500 }, (_, i) =>
    [`Nhân viên Số ${i + 1}`, `nv${i + 1}@import.vn`, i % 2 ? 'KD-MB' : 'KD-MN', 'nv-kinh-doanh', i % 2 ? 'lan.hoang@minhan.vn' : 'phuc.trinh@minhan.vn'].join(','),
  );
}

describe.each(engines())('people import on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
  });
  afterAll(() => t.close());

  const total = async () => (await admin.get('/api/people?limit=1')).json().total as number;
  const upload = (name: string, data: Buffer | string, dryRun = false) =>
    admin.request({ method: 'POST', url: `/api/people/import?dryRun=${dryRun}`, ...multipartFile('file', name, data) });

  it('reports the 3 bad rows among 500 by row and column and writes nothing', async () => {
    const before = await total();
    const rows = rows500();
    rows[9] = 'Người Lỗi,nv10@import.vn,KHONG-CO,nv-kinh-doanh,';         // row 11: unknown unit
    rows[199] = ',nv200@import.vn,KD-MB,nv-kinh-doanh,';                   // row 201: missing name
    rows[449] = 'Trùng Email,nv1@import.vn,KD-MB,nv-kinh-doanh,';           // row 451: duplicates row 2
    const res = await upload('people.csv', `\uFEFF${[HEADER, ...rows].join('\r\n')}`);
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toBe('Tệp có 3 lỗi; chưa ghi dữ liệu nào.');
    expect(error.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [11, 'Mã phòng ban', 'unknown_unit'],
      [201, 'Họ và tên', 'required'],
      [451, 'Email', 'duplicate'],
    ]);
    expect(await total()).toBe(before);
  });

  it('dry-runs, then imports all 500 rows with managers linked, one audit row each', async () => {
    const before = await total();
    const csv = [HEADER, ...rows500()].join('\n');
    const dry = await upload('people.csv', csv, true);
    expect(dry.json()).toEqual({ dryRun: true, rows: 500, created: 0 });
    expect(await total()).toBe(before);

    const res = await upload('people.csv', csv);
    expect(res.json()).toEqual({ dryRun: false, rows: 500, created: 500 });
    expect(await total()).toBe(before + 500);
    const found = (await admin.get('/api/people?q=nv8@import.vn')).json().items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ fullName: 'Nhân viên Số 8', unitName: 'Nhóm Kinh doanh Miền Bắc', managerName: 'Hoàng Thị Lan' });
    const audit = (await admin.get('/api/audit?entity=person&limit=200')).json().items;
    expect(audit.filter((a: { action: string }) => a.action === 'import')).toHaveLength(200);

    const again = await upload('people.csv', csv);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.issues).toHaveLength(500);
    expect(again.json().error.issues[0].code).toBe('taken');
  });

  it('reads XLSX with semicolon-free Vietnamese headers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhân sự');
    ws.addRow(['Họ và tên', 'Email', 'Mã phòng ban']);
    ws.addRow(['Nguyễn Thị Ổi', 'oi@xlsx.vn', 'MKT']);
    ws.addRow(['Trần Văn Ửng', 'ung@xlsx.vn', 'NS']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload('nhan-su.xlsx', data);
    expect(res.json()).toEqual({ dryRun: false, rows: 2, created: 2 });
    expect((await admin.get('/api/people?q=xlsx.vn')).json().items.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Nguyễn Thị Ổi',
      'Trần Văn Ửng',
    ]);
  });

  it('rejects files that are not UTF-8, empty, or semicolon CSV with an unknown unit', async () => {
    const latin1 = Buffer.from(`${HEADER}\nL\xea V\xe3n,le@x.vn,KD,,\n`, 'latin1');
    expect((await upload('people.csv', latin1)).json().error.code).toBe('IMPORT_FILE_INVALID');
    expect((await upload('empty.csv', '')).json().error.code).toBe('IMPORT_FILE_INVALID');
    const semi = await upload('people.csv', 'Họ và tên;Mã phòng ban\nAn;ZZZ\n');
    expect(semi.json().error.issues[0]).toMatchObject({ row: 2, column: 'Mã phòng ban', code: 'unknown_unit' });
  });

  it('forbids employees from importing (403 before the file is read)', async () => {
    const employee = await t.as('nhanvien@minhan.vn');
    const res = await employee.request({ method: 'POST', url: '/api/people/import', ...multipartFile('file', 'p.csv', `${HEADER}\nA,a@a.vn,KD-MB,,\n`) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});
