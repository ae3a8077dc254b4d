import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { multipartFile } from '../../../test/helpers/multipart';
import { dimensionBomb, inflationBomb, longCellCsv, manyRowsXlsx, wideCsv } from '../../../test/fixtures/import/hostile-files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_ROUTES = ['/api/actuals/import/preview', '/api/actuals/import', '/api/people/import', '/api/datasets/hostile/import/preview', '/api/datasets/hostile/import'];

/** Each hostile file and the answer every upload route must give. */
async function bombs(): Promise<{ name: string; data: Buffer | string; status: number; code: string }[]> {
  return [
    { name: 'dimension.xlsx', data: dimensionBomb(), status: 422, code: 'TOO_MANY_COLUMNS' },
    { name: 'bomb.xlsx', data: await inflationBomb(), status: 413, code: 'FILE_TOO_LARGE' },
    { name: 'lie.xlsx', data: await inflationBomb({ lie: true }), status: 422, code: 'FILE_INVALID' },
    { name: 'wide.csv', data: wideCsv(201), status: 422, code: 'TOO_MANY_COLUMNS' },
    { name: 'long.csv', data: longCellCsv(40_000), status: 422, code: 'CELL_TOO_LONG' },
  ];
}

/** A multipart body cut off in the middle of the file part, then garbage: unreadable if anyone tried. */
function truncatedMultipart() {
  const boundary = '----okpiTruncated';
  return {
    payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\nPK\u0003\u0004\u0000garbage`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(engines())('hostile spreadsheet uploads on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let employee: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    employee = await t.as('nhanvien@minhan.vn');
  });
  afterAll(() => t.close());

  const upload = (client: ApiClient, url: string, name: string, data: Buffer | string) =>
    client.request({ method: 'POST', url, ...multipartFile('file', name, data, name.endsWith('.xlsx') ? XLSX : 'text/csv') });

  it('each bomb gets its clean 4xx from the actuals preview, the actuals import and the people import', async () => {
    for (const bomb of await bombs()) {
      for (const url of UPLOAD_ROUTES) {
        const res = await upload(admin, url, bomb.name, bomb.data);
        expect([url, bomb.name, res.statusCode, res.json().error?.code]).toEqual([url, bomb.name, bomb.status, bomb.code]);
        expect(res.json().error.issues[0].code).toBe(bomb.code.toLowerCase().replace('file_too_large', 'too_large'));
      }
    }
  });

  it('the message names the limit and what was found', async () => {
    const res = await upload(admin, '/api/actuals/import/preview', 'd.xlsx', dimensionBomb());
    expect(res.json().error.message).toBe('Trang tính khai báo 16.384 cột, tối đa 200 cột.');
  });

  it('an employee gets 403 from every upload route without the body being read (truncated garbage, or a bomb)', async () => {
    for (const url of UPLOAD_ROUTES) {
      const garbage = await employee.request({ method: 'POST', url, ...truncatedMultipart() });
      expect([url, garbage.statusCode, garbage.json().error.code]).toEqual([url, 403, 'FORBIDDEN']);
      const bomb = await upload(employee, url, 'bomb.xlsx', await inflationBomb());
      expect([url, bomb.statusCode]).toEqual([url, 403]);
    }
    // The same truncated body from an admin is read, and refused as a bad upload, not a 500.
    for (const url of UPLOAD_ROUTES) {
      const admins = await admin.request({ method: 'POST', url, ...truncatedMultipart() });
      expect([url, admins.statusCode, admins.json().error.issues[0]]).toMatchObject([url, 400, { path: 'file', code: 'invalid_multipart' }]);
    }
  });

  it('a 200,000-row XLSX is previewed from the stream: headers, the exact row count, the first rows', async () => {
    const res = await upload(admin, '/api/actuals/import/preview', 'many.xlsx', manyRowsXlsx(200_000));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.format.type).toBe('xlsx');
    expect(body.headers).toEqual(['Mã KPI', 'Kỳ', 'Giá trị']);
    expect(body.totalRows).toBe(200_000);
    expect(body.rows).toHaveLength(20);
    expect(body.rows[0].cells).toEqual(['REVENUE', '2000-01', '0']);
  });

  it('one rule for formula-looking cells: both imports refuse them, protected (tab, apostrophe) or not', async () => {
    const people = await upload(admin, '/api/people/import', 'p.csv', 'Họ và tên,Email,Mã phòng ban\n"\t=1+1",f1@x.vn,KD-MB\n"\'=HYPERLINK(""http://x"")",f2@x.vn,KD-MB\nAn,f3@x.vn,KD-MB\n');
    expect(people.statusCode).toBe(422);
    expect(people.json().error.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [2, 'Họ và tên', 'formula_injection'],
      [3, 'Họ và tên', 'formula_injection'],
    ]);
    expect((await admin.get('/api/people?q=f1@x.vn')).json().items).toHaveLength(0);

    const actuals = await upload(admin, '/api/actuals/import?dryRun=true', 'a.csv', 'Mã KPI,Kỳ,Giá trị,Ghi chú\nREVENUE,2026-03,100,"\t=1+1"\nREVENUE,2026-04,100,\'=1+1\n');
    expect(actuals.statusCode).toBe(422);
    expect(actuals.json().error.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [2, 'Ghi chú', 'formula_injection'],
      [3, 'Ghi chú', 'formula_injection'],
    ]);
  });
});
