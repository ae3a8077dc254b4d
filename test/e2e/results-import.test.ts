import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO, login, ROOT, screenshot, type WatchedPage, useBrowserSession } from './browser';

let w: WatchedPage;
useBrowserSession((s) => (w = s.w));

/**
 * A workbook as a Vietnamese accountant types it: numbers `1.234.567,89` and dates dd/mm/yyyy as text, and headers
 * of their own. "Chỉ số" and "Số liệu" are no known header, so they must be mapped by hand; "Ngày báo cáo" and
 * "Ghi chú" are recognised. Rows 4 and 5 are bad: an unknown KPI and 31/02/2026.
 */
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu tháng');
  ws.addRow(['Chỉ số', 'Ngày báo cáo', 'Số liệu', 'Ghi chú']);
  ws.addRow(['REVENUE', '31/03/2026', '19.876.543.210', 'Theo sổ cái']);
  ws.addRow(['GROSS_PROFIT', '15/02/2026', '1.234.567,89', 'Số tạm tính']);
  ws.addRow(['KHONG_CO', '15/03/2026', '100', '']);
  ws.addRow(['ORDERS', '31/02/2026', '240', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const option = (w: WatchedPage, text: string) => w.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();

async function choose(w: WatchedPage, field: string, header: string) {
  await w.page.getByTestId(`map-${field}`).click();
  await option(w, header).click();
  // Wait for the dropdown to close so the next select's options are the only ones on screen.
  await expect.poll(() => w.page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

describe('import actuals from an XLSX through the mapping screen', () => {
  it('reads the file and shows the detected Vietnamese formats', async () => {
    const { page } = w;
    await login(page, DEMO.admin);
    await page.getByTestId('side-nav').getByText('Nhập số liệu', { exact: true }).click();
    await page.getByTestId('import-page').waitFor();
    await screenshot(page, 'import-upload-vi');
    await page.locator('input[type=file]').setInputFiles({
      name: 'so-lieu-thang-3.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(),
    });
    await page.getByTestId('import-mapping').waitFor();
    expect(await page.getByTestId('import-format').textContent()).toContain('XLSX');
  });

  it('pre-fills the recognised columns and takes the rest from the user', async () => {
    const { page } = w;
    // Recognised from the headers.
    expect(await page.getByTestId('map-date').textContent()).toContain('Ngày báo cáo');
    expect(await page.getByTestId('map-comment').textContent()).toContain('Ghi chú');
    await choose(w, 'kpi', 'Chỉ số');
    await choose(w, 'value', 'Số liệu');
    await page.getByTestId('import-remap').click();
    // Row 3 becomes GROSS_PROFIT, February 2026, 1234567.89 (shown the Vietnamese way).
    await page.getByTestId('preview-parsed-3').waitFor();
    expect(await page.getByTestId('preview-parsed-3').textContent()).toBe('GROSS_PROFIT · Tháng 02/2026 · 1.234.567,89');
    expect(await page.getByTestId('preview-parsed-2').textContent()).toBe('REVENUE · Tháng 03/2026 · 19.876.543.210');
    expect(await page.getByTestId('import-decimal').textContent()).toContain('Dấu phẩy');
    expect(await page.getByTestId('import-dates').textContent()).toBe('dd/mm/yyyy');
    await screenshot(page, 'import-mapping-vi');
  });

  it('lists every bad row in a dry run and writes nothing', async () => {
    const { page } = w;
    await page.getByTestId('import-check').click();
    const issues = page.getByTestId('import-issues');
    await issues.waitFor();
    const rows = await issues.locator('tbody tr').allTextContents();
    // Row 4: unknown KPI code; row 5: 31/02/2026 does not exist.
    expect(rows.some((r) => r.startsWith('4') && r.includes('Chỉ số'))).toBe(true);
    expect(rows.some((r) => r.startsWith('5') && r.includes('Ngày báo cáo'))).toBe(true);
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.getByTestId('import-issues').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'import-dry-run-vi.png') });
  });

  it('skips the bad rows on request and imports the good ones', async () => {
    const { page } = w;
    await page.getByTestId('import-skip').click();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-ok').waitFor();
    expect(await page.getByTestId('import-ok').textContent()).toContain('2 dòng hợp lệ');
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor();
    // Rows 2 and 3 written (new, or replacing the demo history's numbers); rows 4 and 5 skipped.
    const done = (await page.getByTestId('import-done').textContent()) ?? '';
    const [, inserted, updated] = /(\d+) mới, (\d+) cập nhật, 0 không đổi, 2 dòng bỏ qua/.exec(done) ?? [];
    expect(Number(inserted) + Number(updated)).toBe(2);
    await screenshot(page, 'import-done-vi');
  });

  it('shows the imported value on the KPI results tab', async () => {
    const { page } = w;
    await page.goto('/kpis/GROSS_PROFIT');
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    const cell = page.getByTestId('history-value-2026-02');
    await cell.waitFor();
    // Money shows in whole đồng; the stored number keeps its decimals.
    expect((await cell.textContent())?.replace(/\u00a0/g, ' ')).toBe('1.234.568 ₫');
    const points = JSON.parse((await page.getByTestId('results-chart-period').getAttribute('data-points')) ?? '[]') as { period: string; actual: number }[];
    expect(points.find((p) => p.period === '2026-02')?.actual).toBe(1234567.89);
  });

  it('logged no console errors except the dry run that was meant to fail', () => {
    expect(w.unexpectedErrors([[422, '/api/actuals/import']])).toEqual([]);
  });
});
