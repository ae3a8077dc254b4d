import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { startTestApp, type TestApp } from '../../../test/helpers/api';

/** A multipart body with the file and, optionally, a `mapping` field after it (as a browser form may send). */
function form(fileName: string, data: string | Buffer, mapping?: unknown) {
  const boundary = '----okpiImportBoundary';
  const parts: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.isBuffer(data) ? data : Buffer.from(data),
    Buffer.from('\r\n'),
  ];
  if (mapping !== undefined) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${typeof mapping === 'string' ? mapping : JSON.stringify(mapping)}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

for (const engine of engines()) {
  describe(`POST /api/actuals/import (${engine})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(engine);
    });
    afterAll(async () => t?.close());

    it('preview: format, headers, suggested mapping and the first 20 rows parsed', async () => {
      const admin = await t.as('admin@minhan.vn');
      const lines = ['Mã KPI;Kỳ;Giá trị;Ghi chú'];
      for (let m = 1; m <= 12; m++) lines.push(`REVENUE;2025-${String(m).padStart(2, '0')};1.000.000,5;`);
      for (let m = 1; m <= 12; m++) lines.push(`GROSS_PROFIT;2025-${String(m).padStart(2, '0')};${m}00,25;`);
      lines.push('NOPE;2025-01;1;');
      const res = await admin.request({ method: 'POST', url: '/api/actuals/import/preview', ...form('a.csv', lines.join('\n')) });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.format).toEqual({ type: 'csv', delimiter: ';', bom: false, decimal: 'comma', decimalDetected: true, dates: null });
      expect(body.headers).toEqual(['Mã KPI', 'Kỳ', 'Giá trị', 'Ghi chú']);
      expect(body.mapping).toEqual({ kpi: 'Mã KPI', period: 'Kỳ', value: 'Giá trị', comment: 'Ghi chú' });
      expect(body.totalRows).toBe(25);
      expect(body.rows).toHaveLength(20);
      expect(body.rows[0]).toMatchObject({ row: 2, actual: { kpi: 'REVENUE', period: '2025-01', value: 1000000.5, scope: { type: 'company', id: null } }, issues: [] });
      expect(body.rows[12]).toMatchObject({ row: 14, actual: { kpi: 'GROSS_PROFIT', value: 100.25 } });
    });

    it('dry run, then the import, then the same file again: all unchanged', async () => {
      const admin = await t.as('admin@minhan.vn');
      const text = 'KPI code,Period,Value\nDSO,2025-05,45\nDSO,2025-06,41.5\n';
      const dry = await admin.request({ method: 'POST', url: '/api/actuals/import?dryRun=true', ...form('d.csv', text) });
      expect(dry.json()).toEqual({ dryRun: true, rows: 2, inserted: 2, updated: 0, unchanged: 0, skipped: 0, recomputed: 0, issues: [], issueCount: 0 });
      const real = await admin.request({ method: 'POST', url: '/api/actuals/import?dryRun=false', ...form('d.csv', text) });
      expect(real.json()).toMatchObject({ dryRun: false, rows: 2, inserted: 2 });
      const again = await admin.request({ method: 'POST', url: '/api/actuals/import', ...form('d.csv', text) });
      expect(again.json()).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
    });

    it('takes a mapping field (JSON) sent after the file', async () => {
      const admin = await t.as('admin@minhan.vn');
      const text = 'Chỉ tiêu,Tháng,Số\nDSO,2025-07,40\n';
      const res = await admin.request({ method: 'POST', url: '/api/actuals/import', ...form('m.csv', text, { kpi: 'Chỉ tiêu', period: 'Tháng', value: 'Số' }) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ inserted: 1 });
      const bad = await admin.request({ method: 'POST', url: '/api/actuals/import', ...form('m.csv', text, '{not json') });
      expect(bad.statusCode).toBe(400);
    });

    it('422 IMPORT_INVALID lists every bad row in the request language; skipBadRows writes the rest', async () => {
      const admin = await t.as('admin@minhan.vn');
      admin.lang = 'en';
      const text = 'Mã KPI,Kỳ,Giá trị\nDSO,2025-08,30\nDSO,31/02/2025,1\nAOV,2025-08,5\nDSO,2025-09,=HYPERLINK("http://x";"y")\n';
      const res = await admin.request({ method: 'POST', url: '/api/actuals/import', ...form('b.csv', text) });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('IMPORT_INVALID');
      expect(res.json().error.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
        [3, 'Kỳ', 'impossible_date'],
        [4, 'Mã KPI', 'computed_kpi'],
        [5, 'Giá trị', 'formula_injection'],
      ]);
      expect(res.json().error.issues[1].message).toBe('Row 4, column "Mã KPI": KPI AOV is computed by a formula and takes no entered values.');
      const skip = await admin.request({ method: 'POST', url: '/api/actuals/import?skipBadRows=true', ...form('b.csv', text) });
      expect(skip.json()).toMatchObject({ rows: 4, inserted: 1, skipped: 3, issueCount: 3 });
    });

    it('employees may not import; viewers neither', async () => {
      for (const email of ['nhanvien@minhan.vn', 'an.nguyen@minhan.vn']) {
        const client = await t.as(email);
        const res = await client.request({ method: 'POST', url: '/api/actuals/import', ...form('e.csv', 'Mã KPI,Kỳ,Giá trị\nDSO,2025-10,1\n') });
        expect(res.statusCode, email).toBe(403);
      }
    });

    it('a request without a file is a 400', async () => {
      const admin = await t.as('admin@minhan.vn');
      const boundary = 'b0';
      const res = await admin.request({
        method: 'POST',
        url: '/api/actuals/import',
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n{}\r\n--${boundary}--\r\n`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      expect(res.statusCode).toBe(400);
    });
  });
}
