import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, horizontalOverflow, login, screenshot, useBrowserSession, type BrowserSession } from './browser';

let s: BrowserSession;
useBrowserSession((session) => (s = session));

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

describe('Table export (CSV and Excel) on the KPI library', () => {
  it('downloads a CSV with the byte order mark and exact Vietnamese names, and an XLSX with the same rows', async () => {
    const { page } = s.w;
    await login(page, DEMO.admin);
    await page.goto('/kpis');
    await page.getByTestId('kpi-link-REVENUE').waitFor();
    const buttons = page.getByTestId('export-kpi-library');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), buttons.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^kpi-library-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await saved(csvDownload);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('Mã KPI,Tên KPI,Cấp · Khía cạnh,Người chịu trách nhiệm,Trạng thái');
    expect(text).toContain('\r\nREVENUE,Doanh thu thuần,Chiến lược · Tài chính,');
    expect(text).toMatch(/\r\nREVENUE,[^\r]*,Đang áp dụng\r\n/);

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), buttons.getByTestId('export-xlsx').click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^kpi-library-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    const bytes = await saved(xlsxDownload);
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0];
    const revenue = sheet?.getColumn(1).values.indexOf('REVENUE') ?? -1;
    expect(revenue).toBeGreaterThan(1);
    expect(sheet?.getCell(revenue, 2).value).toBe('Doanh thu thuần');
    expect(s.w.unexpectedErrors()).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 800 });
    await screenshot(page, 'table-export-vi');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('keeps the export buttons inside a 390 px wide screen', async () => {
    const { page } = s.w;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto('/kpis');
      await page.getByTestId('export-kpi-library').waitFor();
      const overflow = await horizontalOverflow(page);
      expect(overflow.culprits).toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
      await page.mouse.move(389, 843);
      await page.screenshot({ path: `${process.cwd()}/docs/screenshots/table-export-phone.png` });
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('puts the buttons on the other tables too (org people, dashboard, API tokens, audit log, sandbox), inside a 390 px screen', async () => {
    const { page } = s.w;
    const pages = [
      ['/org', 'export-people'],
      ['/dashboard', 'export-unit-dashboard'],
      ['/settings/api-tokens', 'export-api-tokens'],
      ['/audit', 'export-audit-log'],
      ['/sandbox', 'export-sandbox-examples'],
    ] as const;
    for (const [path, testId] of pages) {
      await page.goto(path);
      await page.getByTestId(testId).first().waitFor();
    }
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const [path] of pages) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const overflow = await horizontalOverflow(page);
        expect(overflow.culprits, path).toEqual([]);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect(s.w.unexpectedErrors()).toEqual([]);
  });
});
