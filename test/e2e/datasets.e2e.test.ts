import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, DEMO, horizontalOverflow, login, screenshot, SCREENSHOTS, useBrowserSession, type WatchedPage } from './browser';

let w: WatchedPage;
useBrowserSession((s) => (w = s.w));

/**
 * Orders as Vietnamese Excel saves them: UTF-8 BOM, `;`, thousands dots and a decimal comma, dd/mm/yyyy, CRLF.
 * Worked by hand:
 * - revenue by month: 01/2026 = 1.200.000 + 850.000,50 + 300.000 = 2.350.000,5; 02/2026 = 2.000.000 + 450.000 =
 *   2.450.000; 03/2026 = 1.000.000,25 + 500.000 + 200.000 + 150.000 = 1.850.000,25; 04/2026 = 700.000.
 * - cohorts (first order's month), returning = another order on a later day within N days of the first:
 *   01/2026: KH1 (05/01 → 28/01, 23 days) and KH2 (20/01 → 15/02, 26 days) → 2 of 2 in every window = 100 %.
 *   02/2026: KH3 (03/02 → 25/04, 81 days) → 0 % within 30 days, 100 % within 90, 180, 365.
 *   03/2026: KH4 (10/03 → 12/03, 2 days) returns; KH5 orders twice on 10/03 (the same day does not count) → 50 %.
 */
const ORDERS_CSV =
  '\uFEFF' +
  [
    'Mã đơn;Ngày đặt;Mã khách hàng;Kênh;Miền;Doanh thu',
    'DH01;05/01/2026;KH1;Zalo;Miền Bắc;1.200.000',
    'DH02;20/01/2026;KH2;Facebook;Miền Nam;850.000,50',
    'DH03;28/01/2026;KH1;Zalo;Miền Bắc;300.000',
    'DH04;03/02/2026;KH3;Website;Miền Trung;2.000.000',
    'DH05;15/02/2026;KH2;Facebook;Miền Nam;450.000',
    'DH06;10/03/2026;KH4;Cửa hàng;Miền Bắc;1.000.000,25',
    'DH07;25/04/2026;KH3;Hotline;Miền Trung;700.000',
    'DH08;10/03/2026;KH5;Zalo;Miền Nam;500.000',
    'DH09;12/03/2026;KH4;Zalo;Miền Bắc;200.000',
    'DH10;10/03/2026;KH5;Website;Miền Nam;150.000',
  ].join('\r\n') +
  '\r\n';

/** A second file for the same dataset with an impossible date on its row 3 (the header is row 1). */
const BAD_CSV = '\uFEFF' + ['Mã đơn;Ngày đặt;Mã khách hàng;Kênh;Miền;Doanh thu', 'DH11;01/05/2026;KH6;Zalo;Miền Bắc;100.000', 'DH12;31/02/2026;KH7;Zalo;Miền Bắc;100.000'].join('\r\n') + '\r\n';

const cellsOf = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())));

/** The whole page, for pages whose result sits below the form (query, cohorts). */
async function fullScreenshot(page: Page, name: string) {
  await screenshot(page, name); // settles the page the same way
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const o = await horizontalOverflow(page);
  expect(o.culprits, what).toEqual([]);
  expect(o.scrollWidth, what).toBeLessThanOrEqual(o.innerWidth);
}

async function upload(page: Page, name: string, text: string) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

async function runQuery(page: Page) {
  await page.getByTestId('query-run').click();
  await page.getByTestId('query-result').locator('tbody tr.ant-table-row').first().waitFor();
}

async function runCohorts(page: Page) {
  await page.getByTestId('cohort-run').click();
  await page.getByTestId('cohort-table').locator('tbody tr.ant-table-row').first().waitFor();
  await page.getByTestId('cohort-heatmap').locator('canvas').first().waitFor();
}

/** The 422s this test causes on purpose: a measure on a missing column, a file with a bad row. */
const CAUSED: [number, string][] = [
  [422, '/api/datasets/don_hang/query'],
  [422, '/api/datasets/don_hang/import'],
];

describe('datasets in the browser', () => {
  it('lists the demo orders dataset in the browser', async () => {
    const { page } = w;
    await login(page, DEMO.admin);
    await page.getByTestId('side-nav').getByText('Dữ liệu kinh doanh', { exact: true }).click();
    const row = page.getByTestId('datasets-table').locator('tr', { hasText: 'Đơn hàng' });
    await row.waitFor();
    // ≥ 100,000 orders, written the Vietnamese way (dots between thousands).
    expect(await row.textContent()).toMatch(/1\d{2}\.\d{3}/);
    await screenshot(page, 'datasets-browser-vi');
  });

  it('imports a Vietnamese Excel CSV: upload, inferred types, key, confirm', async () => {
    const { page } = w;
    await page.getByTestId('datasets-new').click();
    await page.getByTestId('datasets-new-name').fill('don_hang');
    await page.getByTestId('datasets-new-ok').click();
    await page.getByTestId('dataset-import-page').waitFor();
    await upload(page, 'don-hang.csv', ORDERS_CSV);
    await page.getByTestId('dataset-preview').waitFor();
    const format = await page.getByTestId('dataset-import-format').textContent();
    expect(format).toContain('";"');
    expect(format).toContain('dấu phẩy (1.234,5)');
    expect(format).toContain('dd/mm/yyyy');
    // Headers become identifiers; types inferred without any flag.
    expect(await page.getByTestId('dataset-type-ma_don').first().textContent()).toBe('Văn bản');
    expect(await page.getByTestId('dataset-type-ngay_dat').first().textContent()).toBe('Ngày');
    expect(await page.getByTestId('dataset-type-doanh_thu').first().textContent()).toBe('Số thập phân');
    // Row 3 (DH02) as it will be stored: 850.000,50 → 850.000,5; 20/01/2026 stays a date.
    const preview = await cellsOf(page, 'dataset-preview');
    expect(preview[1]).toEqual(['3', 'DH02', '20/01/2026', 'KH2', 'Facebook', 'Miền Nam', '850.000,5']);
    await page.getByTestId('dataset-import-key').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Mã đơn' }).first().click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'datasets-import-preview-vi');
    // The progress card is shown while the file goes up and the server imports it (a small file: only briefly).
    await page.evaluate(() => {
      const seen = { progress: false };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=dataset-import-progress] .ant-progress')) seen.progress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('dataset-import-confirm').click();
    await page.getByTestId('dataset-import-done').waitFor();
    expect(await page.evaluate(() => (window as unknown as { seen: { progress: boolean } }).seen.progress)).toBe(true);
    expect(await page.getByTestId('dataset-import-done').textContent()).toContain('10 dòng trong tệp: 10 dòng mới, 0 dòng thay thế. Tập dữ liệu có 10 dòng.');
  });

  it('shows the rows on the dataset page', async () => {
    const { page } = w;
    await page.getByTestId('dataset-import-open').click();
    await page.getByTestId('dataset-rows').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('dataset-row-count').textContent()).toBe('10');
    expect(await page.getByTestId('dataset-facts').textContent()).toContain('ma_don');
    const rows = await cellsOf(page, 'dataset-rows');
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual(['DH01', '05/01/2026', 'KH1', 'Zalo', 'Miền Bắc', '1.200.000']);
    expect(rows[5]).toEqual(['DH06', '10/03/2026', 'KH4', 'Cửa hàng', 'Miền Bắc', '1.000.000,25']);
    await screenshot(page, 'datasets-rows-vi');
  });

  it('sums revenue by month (the default query) as worked by hand', async () => {
    const { page } = w;
    await page.getByRole('tab', { name: 'Truy vấn' }).click();
    expect(await page.getByTestId('query-measure-expression-0').inputValue()).toBe('sum(doanh_thu)');
    await runQuery(page);
    expect(await cellsOf(page, 'query-result')).toEqual([
      ['01/2026', '2.350.000,5'],
      ['02/2026', '2.450.000'],
      ['03/2026', '1.850.000,25'],
      ['04/2026', '700.000'],
    ]);
    await page.getByTestId('query-chart').locator('canvas').first().waitFor();
    // A filter and a second measure: orders of Miền Bắc by month.
    await page.getByTestId('query-add-measure').click();
    await page.getByTestId('query-measure-name-1').fill('don');
    await page.getByTestId('query-measure-expression-1').fill('count()');
    await page.getByTestId('query-where').fill("mien = 'Miền Bắc'");
    await runQuery(page);
    // Miền Bắc: 01 DH01 + DH03 = 1.500.000 (2 orders); 03 DH06 + DH09 = 1.200.000,25 (2 orders).
    // The first query's rows are on screen until the new answer replaces them.
    await expect.poll(() => cellsOf(page, 'query-result')).toEqual([
      ['01/2026', '1.500.000', '2'],
      ['03/2026', '1.200.000,25', '2'],
    ]);
    // A measure on a missing column is a clear error.
    await page.getByTestId('query-measure-expression-1').fill('sum(khong_co)');
    await page.getByTestId('query-run').click();
    await page.getByTestId('query-error').waitFor();
    expect(await page.getByTestId('query-error').textContent()).toContain('khong_co');
    await page.getByTestId('query-measure-expression-1').fill('count()');
    await page.getByTestId('query-where').fill('');
    await runQuery(page);
    await fullScreenshot(page, 'datasets-query-vi');
  });

  it('shows the cohort heat map with the rates worked by hand and both definitions', async () => {
    const { page } = w;
    await page.getByRole('tab', { name: 'Nhóm khách hàng' }).click();
    expect(await page.getByTestId('cohort-definition').textContent()).toContain('mua cùng ngày không tính');
    await runCohorts(page);
    expect(await cellsOf(page, 'cohort-table')).toEqual([
      ['01/2026', '2', '100 % (2)', '100 % (2)', '100 % (2)', '100 % (2)'],
      ['02/2026', '1', '0 % (0)', '100 % (1)', '100 % (1)', '100 % (1)'],
      ['03/2026', '2', '50 % (1)', '50 % (1)', '50 % (1)', '50 % (1)'],
    ]);
    await fullScreenshot(page, 'datasets-cohorts-vi');
  });

  it('refuses a file with a bad row, names its row and column, and keeps the dataset as it was', async () => {
    const { page } = w;
    await page.getByTestId('dataset-import').click();
    await page.getByTestId('dataset-import-page').waitFor();
    await upload(page, 'thang-5.csv', BAD_CSV);
    await page.getByTestId('dataset-preview').waitFor();
    await page.getByTestId('dataset-preview-issues').waitFor();
    await page.getByTestId('dataset-import-confirm').click();
    await page.getByTestId('dataset-import-issues').waitFor();
    const issues = await cellsOf(page, 'dataset-import-issues');
    expect(issues[0]!.slice(0, 2)).toEqual(['3', 'Ngày đặt']);
    await screenshot(page, 'datasets-import-error-vi');
    await page.goto('/datasets/don_hang');
    expect(await page.getByTestId('dataset-row-count').textContent()).toBe('10');
    expect(w.unexpectedErrors(CAUSED)).toEqual([]);
  });

  it('works in English: numbers, months and rates the English way', async () => {
    const { page } = w;
    await chooseLanguage(page, 'EN');
    await page.goto('/datasets/don_hang?tab=query');
    await page.getByTestId('query-measure-format-0').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Money (₫)' }).click();
    await runQuery(page);
    // VND has no minor unit: 2,350,000.5 shows as ₫2,350,001 in money format; as a number it is exact.
    expect(await cellsOf(page, 'query-result')).toEqual([
      ['2026-01', '₫2,350,001'],
      ['2026-02', '₫2,450,000'],
      ['2026-03', '₫1,850,000'],
      ['2026-04', '₫700,000'],
    ]);
    await fullScreenshot(page, 'datasets-query-en');
    await page.getByRole('tab', { name: 'Cohorts' }).click();
    await runCohorts(page);
    expect((await cellsOf(page, 'cohort-table'))[2]).toEqual(['2026-03', '2', '50% (1)', '50% (1)', '50% (1)', '50% (1)']);
    await fullScreenshot(page, 'datasets-cohorts-en');
    await page.goto('/datasets');
    await page.getByTestId('datasets-table').locator('tr', { hasText: 'don_hang' }).waitFor();
    await screenshot(page, 'datasets-browser-en');
    await chooseLanguage(page, 'VI');
  });

  it('shows the demo orders by quarter cohort', async () => {
    const { page } = w;
    await page.goto('/datasets/orders?tab=cohorts');
    await page.getByTestId('cohort-grain').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Quý' }).click();
    await runCohorts(page);
    const rows = await cellsOf(page, 'cohort-table');
    expect(rows.length).toBeGreaterThanOrEqual(8); // two years of quarters
    await fullScreenshot(page, 'datasets-demo-cohorts-vi');
    // The default query of the demo orders: revenue by month, as money.
    await page.getByRole('tab', { name: 'Truy vấn' }).click();
    expect(await page.getByTestId('query-measure-expression-0').inputValue()).toBe('sum(revenue)');
    await page.getByTestId('query-measure-format-0').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Tiền (₫)' }).click();
    await runQuery(page);
    expect((await cellsOf(page, 'query-result')).length).toBeGreaterThanOrEqual(24);
    await page.getByTestId('query-chart').locator('canvas').first().waitFor();
    await fullScreenshot(page, 'datasets-demo-query-vi');
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto('/datasets');
      await page.getByTestId('datasets-table').locator('tr', { hasText: 'don_hang' }).waitFor();
      await expectNoSidewaysScroll(page, '/datasets');
      await page.goto('/datasets/don_hang');
      await page.getByTestId('dataset-rows').locator('tbody tr.ant-table-row').first().waitFor();
      await expectNoSidewaysScroll(page, 'rows');
      await screenshot(page, 'datasets-rows-phone-vi');
      await page.getByRole('tab', { name: 'Truy vấn' }).click();
      await runQuery(page);
      await expectNoSidewaysScroll(page, 'query');
      await fullScreenshot(page, 'datasets-query-phone-vi');
      await page.getByRole('tab', { name: 'Nhóm khách hàng' }).click();
      await runCohorts(page);
      await expectNoSidewaysScroll(page, 'cohorts');
      await fullScreenshot(page, 'datasets-cohorts-phone-vi');
      await page.goto('/datasets/don_hang/import');
      await upload(page, 'don-hang.csv', ORDERS_CSV);
      await page.getByTestId('dataset-preview').waitFor();
      expect(await page.getByTestId('dataset-import-step').textContent()).toBe('Bước 2/4: Xem trước và kiểu cột');
      await expectNoSidewaysScroll(page, 'import preview');
      await screenshot(page, 'datasets-import-phone-vi');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect(w.unexpectedErrors(CAUSED)).toEqual([]);
  });

  it('lets a manager read datasets but not import: no import button, the import page sends them home', async () => {
    const { page } = w;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor(); // signed out (a /login opened before that would go home)
    await login(page, DEMO.manager);
    await page.goto('/datasets');
    await page.getByTestId('datasets-table').locator('tr', { hasText: 'don_hang' }).waitFor();
    expect(await page.getByTestId('datasets-new').count()).toBe(0);
    await page.goto('/datasets/don_hang');
    await page.getByTestId('dataset-rows').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('dataset-import').count()).toBe(0);
    await page.goto('/datasets/don_hang/import');
    await page.getByTestId('home-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(w.unexpectedErrors(CAUSED)).toEqual([]);
  });
});
