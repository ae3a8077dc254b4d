import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';
import { LOGINS } from '../../../test/security/matrix-world';

/** A multipart body with a file and text fields, fields first or last as a browser may send them. */
function upload(fileName: string, data: Buffer | string, fields: Record<string, string> = {}, fieldsFirst = false) {
  const boundary = `----okpi${Math.random().toString(16).slice(2)}`;
  const field = (k: string, v: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const parts = Object.entries(fields).map(([k, v]) => field(k, v));
  const file = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.isBuffer(data) ? data : Buffer.from(data),
    Buffer.from('\r\n'),
  ]);
  const body = Buffer.concat([...(fieldsFirst ? [...parts, file] : [file, ...parts]), Buffer.from(`--${boundary}--\r\n`)]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const ORDERS_VI = `\ufeffMã đơn;Ngày;Khu vực;Doanh thu\r\nD1;31/01/2026;Miền Bắc;1.234.567,5\r\nD2;01/02/2026;Miền Nam;20\r\nD3;02/02/2026;Miền Bắc;0,25\r\n`;

describe.each(engines())('dataset routes on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as(LOGINS.admin);
  });
  afterAll(() => t.close());

  it('imports a Vietnamese CSV, lists it, shows its columns and pages its rows', async () => {
    const preview = await admin.request({ method: 'POST', url: '/api/datasets/orders/import/preview', ...upload('orders.csv', ORDERS_VI) });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual(['ma_don:text', 'ngay:date', 'khu_vuc:text', 'doanh_thu:decimal']);
    expect(preview.json().rows[0].values).toEqual(['D1', '2026-01-31', 'Miền Bắc', '1234567.5']);
    expect(await t.store.datasets.get('orders')).toBeNull();

    const res = await admin.request({ method: 'POST', url: '/api/datasets/orders/import', ...upload('orders.csv', ORDERS_VI, { key: 'Mã đơn' }, true) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ action: 'created', rows: 3, inserted: 3, dataset: { rowCount: 3, keyColumns: ['ma_don'] }, format: { delimiter: ';', decimal: 'comma' } });

    const list = await admin.get('/api/datasets');
    expect(list.json().items.map((d: { name: string }) => d.name)).toEqual(['orders']);
    const one = await admin.get('/api/datasets/orders');
    expect(one.json()).toMatchObject({ name: 'orders', rowCount: 3, columns: [{ name: 'ma_don', label: 'Mã đơn', type: 'text' }, {}, {}, {}] });
    const page = await admin.get('/api/datasets/orders/rows?offset=1&limit=1');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ total: 3, offset: 1, rows: [{ ma_don: 'D2', ngay: '2026-02-01', khu_vuc: 'Miền Nam', doanh_thu: '20' }] });
  });

  it('appends with the stored key over HTTP without double counting', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/datasets/orders/import', ...upload('more.csv', 'Mã đơn,Ngày,Khu vực,Doanh thu\nD3,2026-02-02,Miền Bắc,0.5\nD4,2026-02-03,Miền Trung,7\n', { mode: 'append' }) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ action: 'appended', inserted: 1, replaced: 1, dataset: { rowCount: 4 } });
    const sum = await sql<{ s: string }>`SELECT sum(doanh_thu)::text AS s FROM ds_orders`.execute(t.database.db);
    expect(sum.rows[0]!.s).toBe('1234595.0'); // 1234567.5 + 20 + 0.5 (D3 replaced, not 0.25 + 0.5) + 7
  });

  it('answers a bad row with 422, its row and column in the language asked, and changes nothing', async () => {
    admin.lang = 'en';
    const res = await admin.request({ method: 'POST', url: '/api/datasets/orders/import', ...upload('bad.csv', 'Mã đơn,Ngày,Khu vực,Doanh thu\nD9,2026-13-01,Miền Bắc,1\n') });
    admin.lang = 'vi';
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_INVALID', issues: [{ row: 2, column: 'Ngày', code: 'impossible_date', message: 'Row 2, column "Ngày" (date): the date or time does not exist.' }] });
    expect((await t.store.datasets.get('orders'))?.rowCount).toBe(4);
  });

  it('refuses bad fields and names with 400 and a field path', async () => {
    const bad = await admin.request({ method: 'POST', url: '/api/datasets/orders/import', ...upload('a.csv', 'a\n1\n', { mode: 'merge' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ path: 'mode', code: 'invalid' });
    const types = await admin.request({ method: 'POST', url: '/api/datasets/orders/import', ...upload('a.csv', 'a\n1\n', { types: 'a=money' }) });
    expect(types.statusCode).toBe(400);
    expect(types.json().error.issues[0]).toMatchObject({ path: 'types', code: 'invalid_type' });
    const name = await admin.request({ method: 'POST', url: '/api/datasets/Orders;drop/import', ...upload('a.csv', 'a\n1\n') });
    expect(name.statusCode).toBe(400);
    expect((await admin.get('/api/datasets/nothing')).statusCode).toBe(404);
  });

  it('refuses an upload over the size limit with 413 before reading all of it', async () => {
    const big = Buffer.alloc(51 * 1024 * 1024, 0x31);
    const res = await admin.request({ method: 'POST', url: '/api/datasets/huge/import', ...upload('big.csv', big) });
    expect(res.statusCode).toBe(413);
    expect(await t.store.datasets.get('huge')).toBeNull();
  });

  it('lets only admins import and keeps employees out of the data', async () => {
    const manager = await t.as(LOGINS.manager);
    const imp = await manager.request({ method: 'POST', url: '/api/datasets/orders/import', ...upload('a.csv', 'a\n1\n') });
    expect(imp.statusCode).toBe(403);
    expect((await manager.get('/api/datasets/orders/rows')).statusCode).toBe(200);
    const employee = await t.as(LOGINS.employee);
    expect((await employee.get('/api/datasets')).statusCode).toBe(403);
    expect((await employee.get('/api/datasets/orders/rows')).statusCode).toBe(403);
  });
});
