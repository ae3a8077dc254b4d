import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors';
import {
  dimensionBomb,
  inflationBomb,
  longCellCsv,
  longCellXlsx,
  manyRowsXlsx,
  wideCsv,
  xlsxOf,
} from '../../../test/fixtures/import/hostile-files';
import { openSheet } from './read-sheet';

/** Opens the file and reads every row; returns the error it ends with, how long it took and how much memory it kept. */
async function readAll(name: string, data: Buffer | string) {
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  let rows = 0;
  let error: DomainError | undefined;
  try {
    const sheet = await openSheet(name, Buffer.isBuffer(data) ? data : Buffer.from(data));
    for await (const _ of sheet.rows()) rows++;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    error = e;
  }
  return { rows, error, ms: performance.now() - start, heapGrowthMb: (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024 };
}

describe('spreadsheet bounds: checked before the work', () => {
  it('a 1.6 KB XLSX declaring A1:XFD1048576 is refused from its dimension, before any row', async () => {
    const file = dimensionBomb();
    expect(file.length).toBeLessThan(2048);
    const { error, ms } = await readAll('bomb.xlsx', file);
    expect(error?.code).toBe('TOO_MANY_COLUMNS');
    expect(error?.localized.en).toBe('The sheet declares 16,384 columns; at most 200.');
    expect(error?.localized.vi).toBe('Trang tính khai báo 16.384 cột, tối đa 200 cột.');
    expect(error?.issues[0]?.code).toBe('too_many_columns');
    expect(ms).toBeLessThan(500);
  });

  it('a declared height over 1,500,000 rows is refused the same way', async () => {
    const { error } = await readAll('tall.xlsx', xlsxOf([['Mã KPI'], ['REVENUE']], 'A1:C2000000'));
    expect(error?.code).toBe('TOO_MANY_ROWS');
    expect(error?.localized.en).toBe('The sheet declares 2,000,000 rows; at most 1,500,000 data rows.');
  });

  it('~200 KB that unzips to 200 MB is refused from the zip directory, without inflating', async () => {
    const file = await inflationBomb();
    expect(file.length).toBeLessThan(300 * 1024);
    const { error, ms, heapGrowthMb } = await readAll('bomb.xlsx', file);
    expect(error?.code).toBe('FILE_TOO_LARGE');
    // 209,715,200 + 118 bytes of XML around it, deflated to ~204 KB: about 1,027 to 1.
    expect(error?.localized.en).toMatch(/^The Excel file is compressed 1,0\d\d to 1; at most 100 to 1/);
    expect(ms).toBeLessThan(100);
    expect(heapGrowthMb).toBeLessThan(20);
  });

  it('the same bomb lying about its size (1 KB declared) stops as soon as it inflates past 1 KB', async () => {
    const { error, ms, heapGrowthMb } = await readAll('lie.xlsx', await inflationBomb({ lie: true }));
    expect(error?.code).toBe('FILE_INVALID');
    expect(error?.localized.en).toContain('inflates to more than its declared size');
    expect(ms).toBeLessThan(200);
    expect(heapGrowthMb).toBeLessThan(20);
  });

  it('a CSV with 201 columns is refused; 200 columns are fine', async () => {
    const wide = await readAll('wide.csv', wideCsv(201));
    expect(wide.error?.code).toBe('TOO_MANY_COLUMNS');
    expect(wide.error?.localized.en).toBe('Row 1 has 201 columns; at most 200.');
    const ok = await readAll('ok.csv', wideCsv(200));
    expect(ok.error).toBeUndefined();
    expect(ok.rows).toBe(1);
  });

  it('an XLSX row with a value in column 201 (GS) is refused with its row; 200 columns are fine', async () => {
    const row = (n: number) => Array.from({ length: n }, (_, i) => i);
    const wide = await readAll('wide.xlsx', xlsxOf([['Mã KPI'], row(201)]));
    expect(wide.error?.code).toBe('TOO_MANY_COLUMNS');
    expect(wide.error?.localized.en).toBe('Row 2 has 201 columns; at most 200.');
    expect(wide.error?.issues[0]).toMatchObject({ row: 2 });
    const ok = await readAll('ok.xlsx', xlsxOf([['Mã KPI'], row(200)]));
    expect(ok.error).toBeUndefined();
    expect(ok.rows).toBe(1);
  });

  it('a cell of 40,000 characters is refused in CSV and XLSX (inline and shared string); 32,767 is fine', async () => {
    const csv = await readAll('long.csv', longCellCsv(40_000));
    expect(csv.error?.code).toBe('CELL_TOO_LONG');
    expect(csv.error?.localized.en).toBe('Cell H2 is 40,000 characters long; at most 32,767.');
    expect(csv.error?.issues[0]).toMatchObject({ row: 2, column: 'H', code: 'cell_too_long' });

    const inline = await readAll('long.xlsx', longCellXlsx(40_000));
    expect(inline.error?.code).toBe('CELL_TOO_LONG');
    expect(inline.error?.localized.en).toBe('Cell B2 is 40,000 characters long; at most 32,767.');

    const shared = await readAll('long-shared.xlsx', longCellXlsx(40_000, true));
    expect(shared.error?.code).toBe('CELL_TOO_LONG');
    expect(shared.error?.localized.en).toBe('A cell is 40,000 characters long; at most 32,767.');

    expect((await readAll('max.csv', longCellCsv(32_767))).error).toBeUndefined();
    expect((await readAll('max.xlsx', longCellXlsx(32_767, true))).error).toBeUndefined();
  });

  it('a CSV of 1,500,001 data rows is refused (TOO_MANY_ROWS); 1,500,000 are read', async () => {
    const body = (n: number) => `Giá trị\n${'1\n'.repeat(n)}`;
    const over = await readAll('tall.csv', body(1_500_001));
    expect(over.error?.code).toBe('TOO_MANY_ROWS');
    expect(over.error?.localized.en).toBe('The file has more than 1,500,000 data rows (at most 1,500,000); split it.');
    const max = await readAll('max.csv', body(1_500_000));
    expect(max.error).toBeUndefined();
    expect(max.rows).toBe(1_500_000);
  });
});

describe('a big XLSX is streamed', () => {
  it('200,000 rows of real data: every row read, little memory kept, the event loop never held 300 ms', async () => {
    const file = manyRowsXlsx(200_000);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const sheet = await openSheet('many.xlsx', file);
    expect(sheet.headers).toEqual(['Mã KPI', 'Kỳ', 'Giá trị']);
    const start = performance.now();
    let rows = 0;
    let last: unknown;
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    for await (const r of sheet.rows()) {
      rows++;
      last = r;
      if (rows % 20_000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    loop.disable();
    // Row i (0-based) is period 2000 + ⌊i/12⌋, month i mod 12 + 1, value i·7919 mod 100000: i = 199,999 → 18666-08, 92081.
    expect(last).toEqual({ row: 200_001, cells: ['REVENUE', '18666-08', 92_081] });
    expect(rows).toBe(200_000);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect((heapPeak - heapBefore) / 1024 / 1024).toBeLessThan(100);
    // The goal is ~20 ms per turn; 300 ms leaves room for a 2-core machine busy with other test workers.
    expect(loop.max / 1e6).toBeLessThan(300);
  });
});
