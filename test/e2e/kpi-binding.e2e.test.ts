import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, DEMO, pickOption, login, screenshot, useBrowserSession, type WatchedPage } from './browser';

let w: WatchedPage;
useBrowserSession((s) => ({ w } = s));

/**
 * Orders imported at the start (Hanoi time):
 *
 * | order | region   | ordered_at        | revenue |
 * | r1    | Miền Bắc | 05/01/2026 09:00  | 100     |
 * | r2    | Miền Nam | 10/01/2026 10:00  | 200     |
 * | r3    | Miền Bắc | 31/01/2026 23:30  | 50      |  ← January in Hanoi (16:30 UTC)
 * | r4    | Miền Bắc | 01/02/2026 00:30  | 400     |  ← February in Hanoi (January in UTC)
 * | r5    | Miền Nam | 15/02/2026 08:00  | 300     |
 *
 * Company: January 100 + 200 + 50 = 350, February 400 + 300 = 700. Miền Bắc → KD-MB: January 150, February 400.
 */
const CSV = 'order_id,region,ordered_at,revenue\nr1,Miền Bắc,2026-01-05 09:00,100\nr2,Miền Nam,2026-01-10 10:00,200\nr3,Miền Bắc,2026-01-31 23:30,50\nr4,Miền Bắc,2026-02-01 00:30,400\nr5,Miền Nam,2026-02-15 08:00,300\n';

function inputOf(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  return el.locator('xpath=self::input').or(el.locator('input')).first();
}

/** The dataset, imported through the API with the browser's session (the upload page has its own test). */
async function importOrders(page: Page) {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const res = await page.request.post('/api/datasets/don_e2e/import', {
    headers: { 'x-csrf-token': token },
    multipart: { file: { name: 'don-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') } },
  });
  expect(res.status(), await res.text()).toBe(200);
}

const cellsOf = async (page: Page) =>
  page.getByTestId('kpi-binding-values').locator('tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).slice(0, 2).map((td) => td.textContent?.trim())));

describe('KPI bound to a dataset: form, monthly actuals, drill-through', () => {
  it('binds a new KPI to the orders in the form (live preview), then shows its months and the rows behind a number', async () => {
    const { page } = w;
    await login(page, DEMO.admin);
    await importOrders(page);

    await page.goto('/kpis/new');
    await inputOf(page, 'kpi-code').fill('DOANH_THU_DL');
    await inputOf(page, 'kpi-name').fill('Doanh thu từ đơn hàng');
    await pickOption(page, 'kpi-frequency', 'Hằng tháng');
    await pickOption(page, 'kpi-source', 'Từ tập dữ liệu');
    await page.getByTestId('kpi-binding-fields').waitFor();
    await pickOption(page, 'kpi-binding-dataset-select', 'don_e2e');
    await inputOf(page, 'kpi-binding-measure-input').fill('sum(revenue)');
    await pickOption(page, 'kpi-binding-date-select', 'ordered_at');
    // The live check: the measure by the KPI's months over the dataset, before anything is saved.
    await page.getByTestId('kpi-binding-preview').getByText('350').waitFor();
    expect(await page.getByTestId('kpi-binding-preview').textContent()).toContain('700');
    await pickOption(page, 'kpi-binding-scope-select', 'region');
    await page.getByTestId('kpi-binding-map-add').click();
    await inputOf(page, 'kpi-binding-map-value-0').fill('Miền Bắc');
    await pickOption(page, 'kpi-binding-map-unit-0', 'KD-MB');
    await screenshot(page, 'kpi-binding-form-vi');
    await page.getByTestId('kpi-save-draft').click();

    await page.getByTestId('kpi-binding-card').waitFor();
    expect(await page.getByTestId('kpi-binding-measure').textContent()).toBe('sum(revenue)');
    await page.getByTestId('kpi-rows-2026-02').waitFor();
    const company = await cellsOf(page);
    expect(company.map((c) => c[1]?.replace(/\D/g, ''))).toEqual(['700', '350']);

    // The unit mapped from Miền Bắc: 400 in February (r4 at 00:30 on 01/02), 150 in January.
    await page.getByTestId('kpi-binding-scope').getByText('Nhóm Kinh doanh Miền Bắc').click();
    await page.getByTestId('kpi-binding-values').getByText('150').waitFor();
    expect((await cellsOf(page)).map((c) => c[1]?.replace(/\D/g, ''))).toEqual(['400', '150']);
    await page.getByTestId('kpi-rows-2026-02').click();
    const drawer = page.getByTestId('kpi-rows-drawer');
    await drawer.getByTestId('kpi-rows-table').waitFor();
    expect(await drawer.getByTestId('kpi-rows-total').textContent()).toBe('1 dòng trong tập dữ liệu don_e2e');
    expect(await drawer.getByTestId('kpi-rows-table').locator('tbody').textContent()).toContain('r4');
    await screenshot(page, 'kpi-binding-rows-vi');
    await page.keyboard.press('Escape');

    // The company's January: three rows, r3 at 23:30 on 31/01 among them.
    await page.getByTestId('kpi-binding-scope').getByText('Toàn công ty').click();
    await page.getByTestId('kpi-rows-2026-01').click();
    await drawer.getByText('3 dòng trong tập dữ liệu don_e2e').waitFor();
    const orders = await drawer.getByTestId('kpi-rows-table').locator('tbody tr.ant-table-row td:first-child').allTextContents();
    expect(orders).toEqual(['r1', 'r2', 'r3']);
    await page.keyboard.press('Escape');

    await chooseLanguage(page, 'EN');
    await page.getByText('Values from a dataset').waitFor();
    await screenshot(page, 'kpi-binding-en');
    await chooseLanguage(page, 'VI');
    expect(w.unexpectedErrors()).toEqual([]);
  });
});
