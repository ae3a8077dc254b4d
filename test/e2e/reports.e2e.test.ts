import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type BrowserSession, chooseLanguage, DEMO, horizontalOverflow, login, screenshot, useBrowserSession } from './browser';

let s: BrowserSession;
useBrowserSession((session) => (s = session));

describe('Reports page (/reports)', () => {
  it('downloads the company scorecard as XLSX and lists evaluation-sheet downloads', async () => {
    const { page } = s.w;
    await page.setViewportSize({ width: 1366, height: 900 });
    await login(page, DEMO.admin);
    await page.goto('/reports');
    await page.getByTestId('report-scorecard').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-scorecard-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^the-diem-cong-ty-tnhh-thuong-mai-minh-an-\d{4}-\d{2}\.xlsx$/);
    const bytes = readFileSync(await download.path());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(book.worksheets[0]!.getCell('A1').value).toBe('Báo cáo thẻ điểm KPI');
    expect(book.worksheets[0]!.getCell('A8').value).toBe('Mã KPI');

    // The demo cycle's sheets: a zip for the whole unit and one file per person.
    await page.getByTestId('report-sheet-list').getByText('Vũ Đình Khoa').waitFor();
    const sheetButton = page.getByTestId('report-sheet-list').locator('[data-testid^="report-sheet-"][data-testid$="-pdf"]').first();
    const sheetId = Number((await sheetButton.getAttribute('data-testid'))!.split('-')[2]);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-zip-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^phieu-danh-gia-.+-pdf\.zip$/);
    expect(s.w.unexpectedErrors()).toEqual([]);
    await screenshot(page, 'reports-vi');

    // The same files from the strategy map (company scorecard) and from the evaluation sheet page.
    await page.goto('/strategy');
    const [fromMap] = await Promise.all([page.waitForEvent('download'), page.getByTestId('strategy-report-pdf').click()]);
    expect(fromMap.suggestedFilename()).toMatch(/^the-diem-.+\.pdf$/);
    await page.goto(`/appraisal/sheets/${sheetId}`);
    const [fromSheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sheet-report-xlsx').click()]);
    expect(fromSheet.suggestedFilename()).toMatch(/^[a-z0-9-]+\.xlsx$/);
    expect(s.w.unexpectedErrors()).toEqual([]);
  });

  it('works at 390 px wide without sideways scrolling, in English too', async () => {
    const { page } = s.w;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto('/reports');
      await page.getByTestId('report-scorecard').waitFor();
      await page.getByTestId('report-scope-kind').getByText('Phòng ban').click();
      await page.getByTestId('report-tree').waitFor();
      await page.getByTestId('report-sheet-list').getByText('Vũ Đình Khoa').waitFor();
      const overflow = await horizontalOverflow(page);
      expect(overflow.culprits).toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
      for (const [path, button] of [['/strategy', 'strategy-report-pdf']] as const) {
        await page.goto(path);
        await page.getByTestId(button).waitFor();
        const o = await horizontalOverflow(page);
        expect(o.culprits, path).toEqual([]);
      }
      await page.goto('/reports');
      await page.getByTestId('report-sheet-list').getByText('Vũ Đình Khoa').waitFor();
      await page.screenshot({ path: `${process.cwd()}/docs/screenshots/reports-phone.png`, fullPage: true });
      // English: the same page, still no sideways scrolling.
      await page.setViewportSize({ width: 1366, height: 900 });
      await chooseLanguage(page, 'EN');
      await page.getByText('KPI scorecard report').waitFor();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('report-sheet-list').getByText('Per person').waitFor();
      const english = await horizontalOverflow(page);
      expect(english.culprits).toEqual([]);
      expect(english.scrollWidth).toBeLessThanOrEqual(english.innerWidth);
      await page.setViewportSize({ width: 1366, height: 900 });
      await chooseLanguage(page, 'VI');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
