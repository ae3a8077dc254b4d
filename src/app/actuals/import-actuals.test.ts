import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../config';
import { DomainError } from '../../core/errors';
import { MAX_REPORTED_ISSUES } from '../../core/import';
import { engines } from '../../../test/helpers/db';
import { startTestApp, type TestApp } from '../../../test/helpers/api';
import { bigActualsCsv, createBigImportKpis } from '../../../test/fixtures/import/big-file';
import { resolveActor, SYSTEM_ACTOR, type Actor } from '../actor';
import type { ActualRecord } from '../ports';
import { importActuals, type ImportActualsOptions } from './import-actuals';
import { previewActualsImport } from './import-preview';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'import');
const NOW = new Date('2026-04-02T03:00:00Z');
const run = { dryRun: false, skipBadRows: false } satisfies ImportActualsOptions;

/** Each broken file of the corpus and the issue code(s) it must give. */
const CORPUS: Record<string, string[]> = {
  'mixed-delimiters.csv': ['mixed_delimiter'],
  'text-in-number.csv': ['not_a_number'],
  'impossible-date.csv': ['impossible_date'],
  'us-date.csv': ['impossible_date'],
  'invalid-period.csv': ['invalid_period'],
  'period-words.csv': ['invalid_period'],
  'unknown-kpi.csv': ['unknown_kpi'],
  'missing-kpi-code.csv': ['required'],
  'duplicate-rows.csv': ['duplicate'],
  'duplicate-date-and-period.csv': ['duplicate'],
  'injection-hyperlink.csv': ['formula_injection'],
  'injection-sum.csv': ['formula_injection'],
  'injection-at.csv': ['formula_injection'],
  'injection-tab.csv': ['formula_injection'],
  'injection-minus.csv': ['formula_injection'],
  'empty.csv': ['empty_file'],
  'blank-lines.csv': ['empty_file'],
  'header-only.csv': ['no_rows'],
  'no-header.csv': ['no_header'],
  'missing-value-column.csv': ['missing_column'],
  'missing-period-column.csv': ['missing_column'],
  'ratio-no-denominator.csv': ['required'],
  'ratio-negative-denominator.csv': ['too_small'],
  'ratio-zero-denominator.csv': ['too_small'],
  'formula-kpi.csv': ['computed_kpi'],
  'wrong-period-kind.csv': ['wrong_period_kind'],
  'unknown-unit.csv': ['unknown_unit'],
  'unknown-person.csv': ['unknown_person'],
  'person-not-in-unit.csv': ['scope_mismatch'],
  'ambiguous-number.csv': ['ambiguous_number', 'ambiguous_number'],
  'decimal-conflict.csv': ['decimal_conflict'],
  'percent-on-vnd.csv': ['unexpected_percent'],
  'numerator-on-sum-kpi.csv': ['not_ratio', 'not_ratio'],
  'unclosed-quote.csv': ['csv_syntax'],
  'extra-columns.csv': ['column_count'],
  'comment-too-long.csv': ['too_long'],
  'fake.xlsx': ['not_xlsx'],
  'old-excel.xls': ['not_xlsx'],
  'windows-1258.csv': ['not_utf8'],
  'latin1.csv': ['not_utf8'],
  'utf16.csv': ['not_utf8'],
};

async function codesOf(p: Promise<unknown>): Promise<{ code: string; issues: string[]; rows: (number | undefined)[] }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, issues: e.issues.map((i) => i.code), rows: e.issues.map((i) => i.row) };
    throw e;
  }
  throw new Error('expected the import to fail');
}

const file = (name: string) => ({ name, data: readFileSync(join(FIXTURES, 'broken', name)) });
const csv = (text: string, name = 'x.csv') => ({ name, data: Buffer.from(text) });
const key = (a: ActualRecord) => `${a.kpiId}|${a.period}|${a.scope.type}|${a.scope.id ?? ''}`;

for (const engine of engines()) {
  describe(`actuals import (${engine})`, () => {
    let t: TestApp;
    let ids: Record<string, number>;
    let units: Record<string, number>;
    const all = () => t.store.actuals.list({});
    const importFile = (f: { name: string; data: Buffer }, options: Partial<ImportActualsOptions> = {}, actor: Actor = SYSTEM_ACTOR) =>
      importActuals(t.store, actor, NOW, f, { ...run, ...options });

    beforeAll(async () => {
      t = await startTestApp(engine);
      ids = Object.fromEntries((await t.store.kpis.codes()).map((k) => [k.code, k.id]));
      units = Object.fromEntries((await t.store.units.list()).map((u) => [u.code, u.id]));
    });
    afterAll(async () => t?.close());

    it('the corpus has at least 30 broken files and every one is in the table', () => {
      const onDisk = readdirSync(join(FIXTURES, 'broken')).sort();
      expect(onDisk).toEqual(Object.keys(CORPUS).sort());
      expect(onDisk.length + 1).toBeGreaterThanOrEqual(30); // + the 50 MB file generated below
    });

    for (const [name, expected] of Object.entries(CORPUS)) {
      it(`${name} → ${expected.join(', ')}; nothing written`, async () => {
        const before = (await all()).length;
        const result = await codesOf(importFile(file(name)));
        expect(result.code).toBe('IMPORT_INVALID');
        expect(result.issues).toEqual(expected);
        expect((await all()).length).toBe(before);
      });
    }

    it('a file over 50 MB is refused before it is read (generated, not committed)', async () => {
      const big = Buffer.alloc(50 * 1024 * 1024 + 1, 'REVENUE,2026-03,,,1\n');
      const result = await codesOf(importFile({ name: 'big.csv', data: big }));
      expect(result.issues).toEqual(['too_large']);
    });

    it('reports the row number and column of each problem', async () => {
      const e = (await importFile(file('impossible-date.csv')).catch((x: unknown) => x)) as DomainError;
      expect(e.issues[0]).toMatchObject({ row: 3, column: 'Kỳ', code: 'impossible_date' });
      expect(e.issues[0]!.message.vi).toBe('Dòng 3, cột "Kỳ": ngày "31/02/2026" không tồn tại.');
      expect(e.issues[0]!.message.en).toBe('Row 3, column "Kỳ": the date "31/02/2026" does not exist.');
    });

    it('caps the list at 1,000 issues and gives the total', async () => {
      const lines = ['Mã KPI,Kỳ,Giá trị'];
      for (let i = 0; i < 1500; i++) lines.push(`NOPE_${i},2026-03,1`);
      const e = (await importFile(csv(lines.join('\n'))).catch((x: unknown) => x)) as DomainError;
      expect(e.issues).toHaveLength(MAX_REPORTED_ISSUES);
      expect(e.params.total).toBe(1500);
      expect(e.localized.en).toBe('The file has 1,500 problem(s); nothing was written.');
    });

    it('reads Vietnamese formats: BOM, `;`, 1.234.567,89, 12,5%, dd/mm/yyyy, Ngày → period, person scope', async () => {
      const f = { name: 'vi.csv', data: readFileSync(join(FIXTURES, 'good', 'vi-semicolon-bom.csv')) };
      const preview = await previewActualsImport(t.store, SYSTEM_ACTOR, NOW, f);
      expect(preview.format).toEqual({ type: 'csv', delimiter: ';', bom: true, decimal: 'comma', decimalDetected: true, dates: 'mixed' });
      expect(preview.mapping).toMatchObject({ kpi: 'Mã KPI', date: 'Ngày', unit: 'Phòng ban', person: 'Nhân sự', value: 'Thực hiện', numerator: 'Tử số', denominator: 'Mẫu số' });
      expect(preview.totalRows).toBe(5);

      const result = await importFile(f);
      expect(result).toMatchObject({ rows: 5, inserted: 5, updated: 0, unchanged: 0, skipped: 0, issueCount: 0 });
      const person = (await t.store.people.findByEmails(['nhanvien@minhan.vn']))[0]!;
      const got = await all();
      const find = (code: string, period: string, scope: string) => got.find((a) => a.kpiId === ids[code] && a.period === period && `${a.scope.type}:${a.scope.id ?? ''}` === scope);
      expect(find('REVENUE', '2026-03', 'company:')).toMatchObject({ value: 1234567.89, comment: 'Tháng 3 đạt', source: 'import' });
      expect(find('ORDERS', '2026-03', `unit:${units['KD-MB']}`)).toMatchObject({ value: 1250 }); // 1.250 in a comma file = 1250
      expect(find('RESPONSE_EMAIL', '2026-03', 'company:')).toMatchObject({ value: 0.125, numerator: 12.5, denominator: 100 }); // 12,5 / 100
      expect(find('MARKET_SHARE', '2026-Q1', 'company:')).toMatchObject({ value: 0.125 }); // 12,5% → 0.125
      expect(find('REVENUE', '2026-03', `person:${person.id}`)).toMatchObject({ value: 250000.5 });
    });

    it('importing the same file twice changes nothing (all rows unchanged, no new versions)', async () => {
      const f = { name: 'vi.csv', data: readFileSync(join(FIXTURES, 'good', 'vi-semicolon-bom.csv')) };
      const before = await all();
      const again = await importFile(f);
      expect(again).toMatchObject({ rows: 5, inserted: 0, updated: 0, unchanged: 5 });
      expect((await all()).map((a) => [key(a), a.version, a.value])).toEqual(before.map((a) => [key(a), a.version, a.value]));
    });

    it('English number style and headers without diacritics; a changed value is an update', async () => {
      const f = { name: 'en.csv', data: readFileSync(join(FIXTURES, 'good', 'en-no-diacritics.csv')) };
      // Same values as the Vietnamese file; ORDERS had no comment there either (unchanged), while
      // REVENUE and MARKET_SHARE lose their comment (a comment is part of the actual: updated).
      expect(await importFile(f)).toMatchObject({ rows: 3, inserted: 0, updated: 2, unchanged: 1 });
      const changed = await importFile(csv('MA KPI,KY,GIA TRI\nREVENUE,2026-03,"1,234,568.89"\n'));
      expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
      const revenue = (await all()).find((a) => a.kpiId === ids.REVENUE && a.scope.type === 'company' && a.period === '2026-03')!;
      expect(revenue).toMatchObject({ value: 1234568.89, version: 3 });
    });

    it('reads an XLSX with number, date and text cells', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Số liệu');
      ws.addRow(['Mã KPI', 'Ngày', 'Phòng ban', 'Giá trị', 'Ghi chú']);
      ws.addRow(['LEADS', new Date(Date.UTC(2026, 1, 14)), 'MKT', 420, 'số ô']);
      ws.addRow(['LEADS', '2026-01', 'MKT', '1.234,5', 'chữ trong ô']); // a text cell in Vietnamese style
      ws.addRow(['WEB_TRAFFIC', new Date(Date.UTC(2026, 1, 28)), '', 98765.25, null]);
      const data = Buffer.from(await wb.xlsx.writeBuffer());
      const result = await importFile({ name: 'so-lieu.xlsx', data });
      expect(result).toMatchObject({ rows: 3, inserted: 3, issueCount: 0 });
      const got = await t.store.actuals.list({ kpiIds: [ids.LEADS!, ids.WEB_TRAFFIC!] });
      expect(got.map((a) => [a.kpiId, a.period, a.scope.type, a.value, a.comment])).toEqual([
        [ids.LEADS, '2026-01', 'unit', 1234.5, 'chữ trong ô'],
        [ids.LEADS, '2026-02', 'unit', 420, 'số ô'],
        [ids.WEB_TRAFFIC, '2026-02', 'company', 98765.25, null],
      ]);
    });

    it('recomputes formula KPIs from imported inputs (CLOSE_RATE = ORDERS / LEADS)', async () => {
      await importFile(csv('Mã KPI,Kỳ,Giá trị\nORDERS,2025-11,30\nLEADS,2025-11,120\n'));
      const rate = (await t.store.actuals.list({ kpiIds: [ids.CLOSE_RATE!], from: '2025-11-01', to: '2025-11-30' }))[0]!;
      expect(rate.value).toBeCloseTo(0.25, 10); // 30 / 120
    });

    it('skipBadRows writes the good rows and reports the bad ones', async () => {
      const before = (await all()).length;
      const result = await importFile(csv('Mã KPI,Kỳ,Giá trị\nGROSS_PROFIT,2025-10,10\nNOPE,2025-10,1\nGROSS_PROFIT,31/02/2025,2\nGROSS_PROFIT,2025-09,9\n'), { skipBadRows: true });
      expect(result).toMatchObject({ rows: 4, inserted: 2, skipped: 2, issueCount: 2 });
      expect(result.issues.map((i) => [i.row, i.code])).toEqual([
        [3, 'unknown_kpi'],
        [4, 'impossible_date'],
      ]);
      expect((await all()).length).toBe(before + 2);
    });

    it('a bad last row rolls back the chunks already written; a big dry run writes nothing either', async () => {
      await createBigImportKpis(t.store);
      // 45,000 rows: two chunks of 20,000 reach the database while the rest is still being checked.
      const good = bigActualsCsv(45_000, Object.keys(units));
      const withBadEnd = Buffer.concat([good, Buffer.from('IMP_01,2026-13,,1\n')]);
      const before = (await all()).length;
      const failed = await codesOf(importFile({ name: 'big.csv', data: withBadEnd }));
      // Row 45,002: the header is row 1, the 45,000 good rows are rows 2 … 45,001.
      expect(failed).toMatchObject({ code: 'IMPORT_INVALID', issues: ['invalid_period'], rows: [45_002] });
      expect((await all()).length).toBe(before);
      expect(await importFile({ name: 'big.csv', data: good }, { dryRun: true })).toMatchObject({ rows: 45_000, inserted: 45_000 });
      expect((await all()).length).toBe(before);
    });

    it('a dry run counts exactly and writes nothing', async () => {
      const before = await all();
      const result = await importFile(csv('Mã KPI,Kỳ,Giá trị\nGROSS_PROFIT,2025-10,10\nGROSS_PROFIT,2025-08,8\n'), { dryRun: true });
      expect(result).toMatchObject({ dryRun: true, rows: 2, inserted: 1, unchanged: 1, updated: 0 });
      expect((await all()).length).toBe(before.length);
    });

    it('an explicit mapping picks the columns; an unknown header in it is reported', async () => {
      const f = csv('Chỉ tiêu,Tháng báo cáo,Số tiền\nGROSS_PROFIT,2025-07,77\n');
      await expect(codesOf(importFile(f))).resolves.toMatchObject({ issues: ['no_header'] });
      expect(await importFile(f, { mapping: { kpi: 'Chỉ tiêu', period: 'Tháng báo cáo', value: 'so tien' } })).toMatchObject({ inserted: 1 });
      await expect(codesOf(importFile(f, { mapping: { kpi: 'Chỉ tiêu', period: 'Tháng', value: 'Số tiền' } }))).resolves.toMatchObject({ issues: ['unknown_header'] });
    });

    it('managers import unit and person scopes inside their subtree, and company rows only of KPIs their units own (per-row errors)', async () => {
      const user = (await t.store.users.findByEmail('truong.kd@minhan.vn'))!;
      const manager = await resolveActor(t.store, user);
      const before = (await all()).length;
      const text =
        'Mã KPI,Kỳ,Phòng ban,Nhân sự,Giá trị\nORDERS,2025-06,KD-MN,,6\nORDERS,2025-06,,trang.dang@minhan.vn,3\nORDERS,2025-06,MKT,,1\n' +
        'WEB_TRAFFIC,2025-06,,,9\nORDERS,2025-06,,yen.ha@minhan.vn,2\nORDERS,2025-06,,,8\n';
      const e = (await importFile(csv(text), {}, manager).catch((x: unknown) => x)) as DomainError;
      expect(e.issues.map((i) => [i.row, i.code])).toEqual([
        [4, 'forbidden_scope'], // MKT is outside KD
        [5, 'forbidden_scope'], // WEB_TRAFFIC belongs to Marketing: its company value is not his (row 7: ORDERS is his own KPI)
        [6, 'forbidden_scope'], // yen.ha works in MKT
      ]);
      expect((await all()).length).toBe(before);
      expect(await importFile(csv(text), { skipBadRows: true }, manager)).toMatchObject({ inserted: 3, skipped: 3 });

      const employee = await resolveActor(t.store, (await t.store.users.findByEmail('nhanvien@minhan.vn'))!);
      await expect(codesOf(importFile(csv(text), {}, employee))).resolves.toMatchObject({ code: 'FORBIDDEN' });
    });
  });
}
