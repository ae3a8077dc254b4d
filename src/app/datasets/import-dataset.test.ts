import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import { DomainError } from '../../core/errors';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { SYSTEM_ACTOR } from '../actor';
import type { Store } from '../ports';
import { importDataset, type ImportDatasetOptions } from './import-dataset';

const PLAIN = [
  'Order ID,Ngày đặt,Khách hàng,Doanh thu,Số lượng,Đã giao,Thời điểm',
  'A1,2026-01-31,Công ty An Phát,1234567.5,3,true,2026-01-31 23:30',
  'A2,2026-02-01,"Hà Nội, Việt Nam",0.1,12,false,2026-02-01 08:00:05',
  'A3,2026-02-02,,-20,1000,,',
].join('\n');

/** The same rows as Excel exports them in Vietnamese: BOM, `;`, decimal comma, dd/mm/yyyy, CRLF. */
const VIETNAMESE = `\ufeff${[
  'Order ID;Ngày đặt;Khách hàng;Doanh thu;Số lượng;Đã giao;Thời điểm',
  'A1;31/01/2026;Công ty An Phát;1.234.567,5;3;có;31/01/2026 23:30',
  'A2;01/02/2026;Hà Nội, Việt Nam;0,10;12;không;01/02/2026 08:00:05',
  'A3;02/02/2026;;-20;1.000;;',
].join('\r\n')}\r\n`;

const csv = (text: string, name = 'orders.csv') => ({ name, data: Buffer.from(text) });
const append: ImportDatasetOptions = { mode: 'append' };

async function stored(database: Database, table: string): Promise<string[]> {
  const r = await sql<{ r: string }>`SELECT row_to_json(x)::text AS r FROM (SELECT * FROM ${sql.table(table)} ORDER BY _id) x`.execute(database.db);
  return r.rows.map((x) => x.r);
}

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe.each(engines())('dataset import on %s', (engine) => {
  let database: Database;
  let store: Store;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
  });
  afterAll(() => database.close());

  it('stores a Vietnamese Excel export and the plain CSV with identical values, typed and exact', async () => {
    const a = await importDataset(store, SYSTEM_ACTOR, 'plain', csv(PLAIN), append);
    const b = await importDataset(store, SYSTEM_ACTOR, 'vietnamese', csv(VIETNAMESE), append);
    expect(b.format).toMatchObject({ delimiter: ';', bom: true, decimal: 'comma', dates: 'dmy' });
    expect(a.dataset.columns).toEqual([
      { name: 'order_id', label: 'Order ID', type: 'text' },
      { name: 'ngay_dat', label: 'Ngày đặt', type: 'date' },
      { name: 'khach_hang', label: 'Khách hàng', type: 'text' },
      { name: 'doanh_thu', label: 'Doanh thu', type: 'decimal' },
      { name: 'so_luong', label: 'Số lượng', type: 'integer' },
      { name: 'da_giao', label: 'Đã giao', type: 'boolean' },
      { name: 'thoi_diem', label: 'Thời điểm', type: 'datetime' },
    ]);
    expect(b.dataset.columns).toEqual(a.dataset.columns);
    expect(await stored(database, 'ds_vietnamese')).toEqual(await stored(database, 'ds_plain'));
    const r = await sql<Record<string, string | null>>`
      SELECT order_id, ngay_dat::text AS d, doanh_thu::text AS s, so_luong::text AS q, pg_typeof(doanh_thu)::text AS t, da_giao::text AS g,
             to_char(thoi_diem AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS utc
      FROM ds_vietnamese ORDER BY _id`.execute(database.db);
    expect(r.rows).toEqual([
      // 23:30 on 31/01 in Hanoi (UTC+7) is 16:30 UTC, still January.
      { order_id: 'A1', d: '2026-01-31', s: '1234567.5', q: '3', t: 'numeric', g: 'true', utc: '2026-01-31 16:30:00' },
      { order_id: 'A2', d: '2026-02-01', s: '0.1', q: '12', t: 'numeric', g: 'false', utc: '2026-02-01 01:00:05' },
      { order_id: 'A3', d: '2026-02-02', s: '-20', q: '1000', t: 'numeric', g: null, utc: null },
    ]);
    const info = await store.datasets.get('vietnamese');
    expect(info).toMatchObject({ rowCount: 3, tableName: 'ds_vietnamese', keyColumns: [] });
  });

  it('reads an XLSX: number cells exactly, date cells as dates, text as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn hàng');
    ws.addRow(['Mã đơn', 'Ngày', 'Doanh thu', 'Số lượng']);
    ws.addRow(['X1', new Date(Date.UTC(2026, 0, 31)), 1234567.5, 3]);
    ws.addRow(['X2', new Date(Date.UTC(2026, 1, 1)), 0.1, 12]);
    const r = await importDataset(store, SYSTEM_ACTOR, 'from_xlsx', { name: 'don-hang.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) }, append);
    expect(r.dataset.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['ma_don:text', 'ngay:date', 'doanh_thu:decimal', 'so_luong:integer']);
    const rows = await sql<Record<string, string>>`SELECT ma_don, ngay::text AS ngay, doanh_thu::text AS doanh_thu, so_luong::text AS so_luong FROM ds_from_xlsx ORDER BY _id`.execute(database.db);
    expect(rows.rows).toEqual([
      { ma_don: 'X1', ngay: '2026-01-31', doanh_thu: '1234567.5', so_luong: '3' },
      { ma_don: 'X2', ngay: '2026-02-01', doanh_thu: '0.1', so_luong: '12' },
    ]);
  });

  it('ignores the empty last column of lines that end with a delimiter', async () => {
    const r = await importDataset(store, SYSTEM_ACTOR, 'trailing', csv('Mã;Giá;\r\nA;1,5;\r\nB;2;\r\n'), append);
    expect(r.dataset.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['ma:text', 'gia:decimal']);
    const e = await failure(importDataset(store, SYSTEM_ACTOR, 'trailing', csv('Mã;Giá;\r\nC;3;lạc chỗ\r\n'), append));
    expect(e.issues[0]).toMatchObject({ row: 2, column: 'C', code: 'column_count' });
  });

  it('flags override detection', async () => {
    // Read as dot style, "1.234" is 1.234; as detected from `;` it would be 1234.
    const file = csv('Mã;Giá\nX;1.234\nY;2\n');
    await importDataset(store, SYSTEM_ACTOR, 'flags', file, { mode: 'replace', decimal: 'dot', types: { 'Mã': 'text' } });
    const r = await sql<{ gia: string }>`SELECT gia::text AS gia FROM ds_flags ORDER BY _id`.execute(database.db);
    expect(r.rows.map((x) => x.gia)).toEqual(['1.234', '2']);
    await importDataset(store, SYSTEM_ACTOR, 'flags', file, { mode: 'replace' });
    const again = await sql<{ gia: string }>`SELECT gia::text AS gia FROM ds_flags ORDER BY _id`.execute(database.db);
    expect(again.rows.map((x) => x.gia)).toEqual(['1234', '2']);
  });

  it('appends with a key without counting a row twice, and replaces', async () => {
    const first = await importDataset(store, SYSTEM_ACTOR, 'keyed', csv('order_id,sales\nA1,10\nA2,20\n'), { mode: 'append', keyColumns: ['order_id'] });
    expect(first).toMatchObject({ action: 'created', rows: 2, inserted: 2, replaced: 0 });
    // A2 comes again, corrected; A3 is new.
    const second = await importDataset(store, SYSTEM_ACTOR, 'keyed', csv('sales,order_id\n25,A2\n30,A3\n'), append);
    expect(second).toMatchObject({ action: 'appended', rows: 2, inserted: 1, replaced: 1 });
    const sum = await sql<{ n: string; total: string }>`SELECT count(*)::text AS n, sum(sales)::text AS total FROM ds_keyed`.execute(database.db);
    expect(sum.rows[0]).toEqual({ n: '3', total: '65' }); // 10 + 25 + 30, not 10 + 20 + 25 + 30
    expect((await store.datasets.get('keyed'))?.rowCount).toBe(3);

    const replaced = await importDataset(store, SYSTEM_ACTOR, 'keyed', csv('order_id,sales,region\nB1,7,Bắc\n'), { mode: 'replace' });
    expect(replaced).toMatchObject({ action: 'replaced', rows: 1, inserted: 1 });
    expect(replaced.dataset.columns.map((c) => c.name)).toEqual(['order_id', 'sales', 'region']);
    expect(replaced.dataset).toMatchObject({ rowCount: 1, keyColumns: ['order_id'] });
  });

  it('refuses a file that repeats a key, naming the rows', async () => {
    const e = await failure(importDataset(store, SYSTEM_ACTOR, 'keyed', csv('order_id,sales,region\nC1,1,x\nC2,2,y\nC1,3,z\n'), append));
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.issues[0]).toMatchObject({ code: 'duplicate_key', row: 4 });
    expect(e.issues[0]!.message.en).toContain('Rows 2, 4');
    expect((await store.datasets.get('keyed'))?.rowCount).toBe(1);
  });

  it('writes nothing when a row is bad, and says which row and column', async () => {
    await importDataset(store, SYSTEM_ACTOR, 'strict', csv('id,amount,day\n1,5,01/01/2026\n'), append);
    const before = await stored(database, 'ds_strict');
    const lines = ['id,amount,day'];
    for (let i = 2; i <= 120_000; i++) lines.push(`${i},${i % 7},02/01/2026`);
    lines[60_000] = '60001,mười,31/02/2026';
    const e = await failure(importDataset(store, SYSTEM_ACTOR, 'strict', csv(lines.join('\n')), append));
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.params.total).toBe(2);
    expect(e.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [60_001, 'amount', 'not_integer'],
      [60_001, 'day', 'impossible_date'],
    ]);
    expect(e.issues[0]!.message.vi).toBe('Dòng 60001, cột "amount" (số nguyên): không phải số nguyên.');
    expect(await stored(database, 'ds_strict')).toEqual(before);
    expect((await store.datasets.get('strict'))?.rowCount).toBe(1);
  });

  it('leaves no dataset behind when the first import of a name fails', async () => {
    const e = await failure(importDataset(store, SYSTEM_ACTOR, 'never', csv('id,amount\n1,5\n2,=1+1\n'), { mode: 'append', types: { amount: 'text' } }));
    expect(e.issues[0]).toMatchObject({ row: 3, column: 'amount', code: 'formula_injection' });
    expect(await store.datasets.get('never')).toBeNull();
    const t = await sql<{ n: string }>`SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name = 'ds_never'`.execute(database.db);
    expect(t.rows[0]!.n).toBe('0');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const e = await failure(importDataset(store, SYSTEM_ACTOR, 'big', csv(`id\n${'1\n'.repeat(600)}`), { mode: 'append', maxBytes: 1000 }));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.localized.en).toContain('at most 1 MB');
    expect(await store.datasets.get('big')).toBeNull();
  });

  it('refuses two headers that map to one identifier, naming both', async () => {
    const e = await failure(importDataset(store, SYSTEM_ACTOR, 'twice', csv('Doanh thu,doanh-thu\n1,2\n'), append));
    expect(e.code).toBe('DATASET_DUPLICATE_COLUMN');
    expect(e.localized.en).toContain('"Doanh thu" and "doanh-thu"');
    expect(await store.datasets.get('twice')).toBeNull();
  });

  it('keeps an SQL-looking header as a label and text as data; the other tables are untouched', async () => {
    const people = await sql<{ n: string }>`SELECT count(*)::text AS n FROM people`.execute(database.db);
    const r = await importDataset(store, SYSTEM_ACTOR, 'hostile', csv(`"x""; DROP TABLE people; --",note\n1,"'); DELETE FROM datasets; --"\n`), append);
    expect(r.dataset.columns[0]).toEqual({ name: 'x_drop_table_people', label: 'x"; DROP TABLE people; --', type: 'integer' });
    const row = await sql<{ note: string }>`SELECT note FROM ds_hostile`.execute(database.db);
    expect(row.rows[0]!.note).toBe("'); DELETE FROM datasets; --");
    expect((await sql<{ n: string }>`SELECT count(*)::text AS n FROM people`.execute(database.db)).rows[0]!.n).toBe(people.rows[0]!.n);
    expect((await store.datasets.list()).map((d) => d.name)).toContain('hostile');
  });

  it('refuses an append whose columns do not fit, naming them', async () => {
    const e = await failure(importDataset(store, SYSTEM_ACTOR, 'strict', csv('id,amount,extra\n9,9,9\n'), append));
    expect(e.code).toBe('DATASET_COLUMNS_MISMATCH');
    expect(e.issues.map((i) => i.code)).toEqual(['unknown_column', 'missing_column']);
  });
});
