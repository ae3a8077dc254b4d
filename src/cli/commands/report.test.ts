import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli, useCliDataFolder } from '../../../test/helpers/cli';
import { ApiClient } from '../../../test/helpers/api';
import { seedDemo } from '../../app/demo/seed-demo';
import { connect } from '../../db/connect';
import { createStore } from '../../db/store';
import { buildApp } from '../../server/app';
import { register } from './report';

const PERIOD = '2026-06';

describe('openkpi report scorecard (PGlite data folder with the demo company)', () => {
  const folder = useCliDataFolder('okpi-cli-report-', async (db) => {
    await seedDemo(createStore(db));
  });
  const out = mkdtempSync(join(tmpdir(), 'okpi-report-out-'));

  it('--format json prints the document GET /api/scorecard returns', async () => {
    const run = await runCli([register], ['report', 'scorecard', '--period', PERIOD, '--scope', 'unit:KD-MB', '--format', 'json']);
    expect(run.exitCode, run.err).toBeUndefined();
    const printed = JSON.parse(run.out) as { scope: { type: string; id: number }; items: { code: string }[] };
    expect(printed.scope.type).toBe('unit');

    const database = await connect({ dataDir: folder.dataDir });
    try {
      const app = await buildApp({ store: createStore(database.db), engine: 'pglite', version: 'test', now: () => new Date(), loginRateLimit: { max: 1000, timeWindow: '1 minute' } });
      const admin = await ApiClient.signedIn(app, 'admin@minhan.vn');
      const api = (await admin.get(`/api/scorecard?period=${PERIOD}&scope=unit:${printed.scope.id}`)).json();
      expect(printed).toEqual(api);
      await app.close();
    } finally {
      await database.close();
    }
  }, 120_000);

  it('--format xlsx --out writes a workbook with one row per KPI, code first; --lang en labels it in English', async () => {
    const file = join(out, 'the-diem.xlsx');
    const run = await runCli([register], ['report', 'scorecard', '--period', PERIOD, '--format', 'xlsx', '--out', file, '--lang', 'en']);
    expect(run.exitCode, run.err).toBeUndefined();
    expect(run.out).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('KPI scorecard report');
    expect(ws.getCell('A8').value).toBe('KPI code');
    const codes = ws.getColumn(1).values.slice(9);
    expect(codes).toContain('REVENUE');
    const revenue = ws.getRow(9 + codes.indexOf('REVENUE'));
    expect(revenue.getCell(2).value).toBe('Net revenue');
    expect(revenue.getCell(4).numFmt).toBe('#,##0 "₫"');
  }, 120_000);

  it('--format pdf without --out writes the PDF to stdout when it is not a terminal', async () => {
    const run = await runCli([register], ['report', 'scorecard', '--period', PERIOD, '--scope', 'person:nhanvien@minhan.vn', '--format', 'pdf']);
    expect(run.exitCode, run.err).toBeUndefined();
    expect(run.out.startsWith('%PDF-')).toBe(true);
  }, 120_000);

  it('an unknown unit code, e-mail or period: a clear error, exit code 1, nothing written', async () => {
    const file = join(out, 'never.xlsx');
    const unit = await runCli([register], ['report', 'scorecard', '--period', PERIOD, '--scope', 'unit:KHONG-CO', '--format', 'xlsx', '--out', file]);
    expect(unit.exitCode).toBe(1);
    expect(unit.err).toContain('Không có đơn vị mã "KHONG-CO".');
    const person = await runCli([register], ['report', 'scorecard', '--period', PERIOD, '--scope', 'person:ai@dau.vn', '--format', 'json', '--lang', 'en']);
    expect(person.exitCode).toBe(1);
    expect(person.err).toContain('No person with e-mail "ai@dau.vn".');
    const bad = await runCli([register], ['report', 'scorecard', '--period', PERIOD, '--scope', 'team:1', '--format', 'json', '--lang', 'en']);
    expect(bad.err).toContain('Invalid scope "team:1": use company, unit:<CODE> or person:<email>.');
    const period = await runCli([register], ['report', 'scorecard', '--period', '2026-13', '--format', 'json']);
    expect(period.exitCode).toBe(1);
    expect(period.err).toContain('[PERIOD_INVALID]');
    expect(() => readFileSync(file)).toThrow();
  }, 120_000);
});
