import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server';
import { chooseLanguage, DEMO, pickOption, ensureWebBuild, launchBrowser, login, openPage, screenshot, type WatchedPage } from './browser';

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let w: WatchedPage;
/** POST /api/kpis/smart-check calls seen so far. */
let smartChecks = 0;

beforeAll(async () => {
  ensureWebBuild();
  server = await startTestServer();
  browser = await launchBrowser();
  w = await openPage(browser, server.url);
  w.page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/kpis/smart-check')) smartChecks++;
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const nav = (page: Page) => page.getByTestId('side-nav');

/** The <input> behind a test id (antd puts the id on the input or on its wrapper). */
function inputOf(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  return el.locator('xpath=self::input').or(el.locator('input')).first();
}

const letter = (page: Page, l: string) => page.getByTestId(`smart-letter-${l}`);

async function waitStatus(page: Page, l: string, status: 'ok' | 'warning' | 'error') {
  await page.locator(`[data-testid="smart-letter-${l}"][data-status="${status}"]`).waitFor();
}

async function switchLang(page: Page, label: 'VI' | 'EN', navText: string) {
  await chooseLanguage(page, label);
  await nav(page).getByText(navText, { exact: true }).waitFor();
}

describe('KPI library, form with live SMART panel, detail and sandbox', () => {
  it('lists the demo KPIs with SMART badges and a tree view', async () => {
    const { page } = w;
    await login(page, DEMO.admin);
    await nav(page).getByText('Thư viện KPI', { exact: true }).click();
    await page.getByTestId('kpi-link-REVENUE').waitFor();
    const revenueRow = page.getByTestId('kpi-table').locator('tbody tr', { has: page.getByTestId('kpi-link-REVENUE') });
    expect(await revenueRow.textContent()).toContain('Chiến lược');
    expect(await page.getByTestId('smart-REVENUE').locator('[data-letter]').count()).toBe(6);
    await screenshot(page, 'kpi-library');

    await page.getByTestId('kpi-view').getByText('Cây', { exact: true }).click();
    await page.locator('tr[data-row-key="REVENUE/ORDERS"]').waitFor();
    const keys = await page.getByTestId('kpi-table').locator('tbody tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
    // Strategic KPIs are the roots, each followed by its children.
    expect(keys.indexOf('REVENUE')).toBeLessThan(keys.indexOf('REVENUE/ORDERS'));
    expect(keys.filter((k) => k && !k.includes('/')).slice(0, 4)).toEqual(expect.arrayContaining(['REVENUE', 'GROSS_PROFIT']));
    await screenshot(page, 'kpi-library-tree');
    await page.getByTestId('kpi-view').getByText('Bảng', { exact: true }).click();
  });

  it('creates a KPI from a template; the SMART panel starts red', async () => {
    const { page } = w;
    await page.getByTestId('kpi-from-template').click();
    const picker = page.locator('.ant-modal', { hasText: 'Tạo KPI từ mẫu' });
    const count = await picker.getByText(/^[1-9]\d* mẫu KPI$/).textContent();
    expect(Number(count?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(30);
    await picker.getByTestId('template-search').locator('input').fill('khach hang moi');
    await picker.getByTestId('template-new-customers').click();
    await page.getByTestId('kpi-form-page').waitFor();
    expect(await inputOf(page, 'kpi-code').inputValue()).toBe('NEW_CUSTOMERS');
    expect(await inputOf(page, 'kpi-name').inputValue()).toBe('Số khách hàng mới');
    // The example target (120 a month) becomes this year's target: 120 × 12 = 1.440.
    expect(await inputOf(page, 'target-period-0').inputValue()).toBe(String(new Date().getFullYear()));
    expect(await inputOf(page, 'target-value-0').inputValue()).toBe('1.440');

    await waitStatus(page, 'A', 'error');
    expect(await page.getByTestId('finding-SMART_A_OWNER_MISSING').textContent()).toContain('người chịu trách nhiệm');
    await screenshot(page, 'kpi-form-vi');
  });

  it('shows the same findings in English without asking the server again', async () => {
    const { page } = w;
    const before = smartChecks;
    await switchLang(page, 'EN', 'KPI library');
    await page.getByTestId('smart-panel').getByText('SMART check').waitFor();
    const text = await page.getByTestId('finding-SMART_A_OWNER_MISSING').textContent();
    expect(text).toMatch(/owner/i);
    expect(text).not.toContain('người');
    await screenshot(page, 'kpi-form-en');
    expect(smartChecks).toBe(before);
    await switchLang(page, 'VI', 'Thư viện KPI');
    await page.getByTestId('smart-panel').getByText('Kiểm tra SMART').waitFor();
  });

  it('turns the SMART panel green as owner, measurer, baseline and parent are filled', async () => {
    const { page } = w;
    await pickOption(page, 'kpi-owner', 'Lê Văn Đức', 'Lê Văn');
    await waitStatus(page, 'A', 'warning'); // owner set, measurer still missing
    await pickOption(page, 'kpi-measurer', 'Phạm Quốc Huy', 'Phạm');
    await waitStatus(page, 'A', 'ok');

    await inputOf(page, 'kpi-baseline-period').fill(String(new Date().getFullYear() - 1));
    await inputOf(page, 'kpi-baseline-value').fill('1200');
    await waitStatus(page, 'R', 'ok');

    await page.getByTestId('parent-add').click();
    await pickOption(page, 'parent-code-0', 'REVENUE', 'REVENUE');
    await inputOf(page, 'parent-weight-0').fill('20');
    await waitStatus(page, 'ALIGN', 'ok');
    for (const l of ['S', 'M', 'A', 'R', 'T', 'ALIGN']) expect(await letter(page, l).getAttribute('data-status')).toBe('ok');
  });

  it('splits the yearly target over the months so they add up exactly', async () => {
    const { page } = w;
    const year = new Date().getFullYear();
    await page.getByTestId('split-open').click();
    const tool = page.locator('.ant-modal', { hasText: 'Phân bổ chỉ tiêu năm' });
    // The tool takes the yearly target in an effect once it opens: the field is empty for a moment.
    await expect.poll(() => inputOf(page, 'split-total').inputValue()).toBe('1.440');
    // 1 440 / 12 = 120 each
    await tool.getByTestId('split-sum').waitFor();
    expect(await tool.getByTestId('split-sum').textContent()).toContain('1.440');
    const cells = await tool.getByTestId('split-preview').locator('tr.ant-table-row td:nth-child(2)').allTextContents();
    expect(cells.filter((c) => c.trim() !== '')).toEqual(new Array(12).fill('120'));
    await screenshot(page, 'kpi-split');
    // A KPI that is not saved yet has no actuals from last year: the mode is disabled and says why.
    const lastYearOption = tool.getByTestId('split-mode').locator('.ant-segmented-item', { hasText: 'Theo thực hiện năm trước' });
    expect(await lastYearOption.getAttribute('class')).toContain('ant-segmented-item-disabled');
    await lastYearOption.hover();
    await page.locator('.ant-tooltip:visible', { hasText: 'KPI mới chưa có số thực hiện năm trước' }).waitFor();
    await tool.getByTestId('split-apply').click();
    await tool.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('target-row').count()).toBe(13);
    expect(await inputOf(page, 'target-period-12').inputValue()).toBe(`${year}-12`);
    await waitStatus(page, 'T', 'ok');
    await screenshot(page, 'kpi-form-green');
  });

  it('activates it and shows the detail page with formatted targets', async () => {
    const { page } = w;
    await page.getByTestId('kpi-activate').click();
    await page.getByTestId('kpi-detail').waitFor();
    expect(page.url()).toMatch(/\/kpis\/NEW_CUSTOMERS$/);
    expect(await page.getByTestId('kpi-status').first().textContent()).toBe('Đang áp dụng');
    expect(await page.getByTestId('kpi-owner-name').textContent()).toBe('Lê Văn Đức');
    const targets = await page.getByTestId('kpi-targets').locator('tbody tr').count();
    expect(targets).toBe(13);
    await page.getByText('Kết quả', { exact: true }).waitFor();
    await screenshot(page, 'kpi-detail');
  });

  it('finds it in the library', async () => {
    const { page } = w;
    await nav(page).getByText('Thư viện KPI', { exact: true }).click();
    await page.getByTestId('kpi-search').locator('input').fill('khách hàng mới');
    await page.getByTestId('kpi-search').locator('input').press('Enter');
    await page.getByTestId('kpi-link-NEW_CUSTOMERS').waitFor();
    const badges = page.getByTestId('smart-NEW_CUSTOMERS').locator('[data-letter]');
    expect(await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('shows money targets in vi-VN format on the detail page and in the edit form', async () => {
    const { page } = w;
    await page.goto('/kpis/REVENUE');
    await page.getByTestId('kpi-targets').locator('tbody tr').first().waitFor();
    const money = (await page.getByTestId('kpi-targets').locator('tbody tr').first().locator('td').nth(1).textContent()) ?? '';
    expect(money.replace(/\u00a0/g, ' ')).toMatch(/^\d{1,3}(\.\d{3})+ ₫$/);
    await screenshot(page, 'kpi-detail-money');
    // The Results tab slot renders the results feature's KpiResultsTab (or a placeholder without it).
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    await page.locator('[role=tab][aria-selected=true]', { hasText: 'Kết quả' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('tab', { name: 'Định nghĩa' }).click();
    await page.getByTestId('kpi-edit').click();
    await page.getByTestId('kpi-form-page').waitFor();
    const typed = await inputOf(page, 'target-value-0').inputValue();
    expect(typed).toMatch(/^\d{1,3}(\.\d{3})+$/);
    expect(money).toContain(typed);
  });

  it("splits REVENUE's 2026 target by the 2025 actuals: the months add up and the biggest month leads", async () => {
    const { page } = w;
    // Last year's monthly company actuals, read through the same endpoint the form uses.
    const res = await page.request.get('/api/kpis/REVENUE/actuals?scope=company');
    expect(res.ok()).toBe(true);
    const { items } = (await res.json()) as { items: { period: string; value: number }[] };
    const lastYear = new Array<number>(12).fill(0);
    for (const a of items) {
      const m = Number(a.period.slice(5)) - 1;
      if (/^2025-\d{2}$/.test(a.period)) lastYear[m] = (lastYear[m] ?? 0) + a.value;
    }
    expect(lastYear.filter((v) => v > 0).length).toBeGreaterThan(0);
    const biggest = lastYear.indexOf(Math.max(...lastYear)); // first of any ties, as the split gives ties to the earlier part

    await page.goto('/kpis/REVENUE/edit');
    await page.getByTestId('kpi-form-page').waitFor();
    await page.getByTestId('split-open').click();
    const tool = page.locator('.ant-modal', { hasText: 'Phân bổ chỉ tiêu năm' });
    await tool.waitFor();
    if ((await inputOf(page, 'split-year').inputValue()) !== '2026') {
      await inputOf(page, 'split-year').fill('2026');
      await inputOf(page, 'split-year').press('Tab');
    }
    await expect.poll(() => inputOf(page, 'split-total').inputValue()).toBe('240.000.000.000');
    const lastYearOption = tool.getByTestId('split-mode').locator('.ant-segmented-item', { hasText: 'Theo thực hiện năm trước' });
    await lastYearOption.locator('xpath=self::*[not(contains(@class,"ant-segmented-item-disabled"))]').waitFor();
    await lastYearOption.click();
    await tool.getByTestId('split-last-year-hint').waitFor();
    await tool.getByTestId('split-sum').waitFor();

    const rows = tool.getByTestId('split-preview').locator('tr.ant-table-row');
    expect(await rows.count()).toBe(12);
    const digits = (s: string) => BigInt(s.replace(/\D/g, ''));
    const parts = (await rows.locator('td:nth-child(2)').allTextContents()).map(digits);
    const sum = parts.reduce((a, b) => a + b, 0n);
    expect(sum).toBe(240_000_000_000n);
    // Every part is a whole million (the default step for ₫).
    for (const p of parts) expect(p % 1_000_000n).toBe(0n);
    const largest = parts.indexOf(parts.reduce((a, b) => (b > a ? b : a)));
    expect(largest).toBe(biggest);
    // The table shows last year's actual of each month next to its part.
    const shown = (await rows.locator('td:nth-child(3)').allTextContents()).map(digits);
    expect(shown).toEqual(lastYear.map((v) => BigInt(Math.round(v))));
    expect(await tool.getByTestId('split-sum').textContent()).toContain('240.000.000.000');
    await screenshot(page, 'split-last-year-vi');
    await tool.getByRole('button', { name: 'Hủy' }).click();
    await tool.waitFor({ state: 'hidden' });
  });

  it('refuses to activate a KPI that is not SMART and shows why on the panel, but saves a draft', async () => {
    const { page } = w;
    await page.goto('/kpis/new');
    await inputOf(page, 'kpi-code').fill('DRAFT_ONLY');
    await inputOf(page, 'kpi-name').fill('Số cuộc gọi chăm sóc khách hàng');
    await waitStatus(page, 'A', 'error');
    await page.getByTestId('kpi-activate').click();
    const rejection = page.getByTestId('smart-rejection');
    await rejection.waitFor();
    expect(await rejection.textContent()).toContain('chưa đạt SMART');
    await page.getByTestId('kpi-save-draft').click();
    await page.getByTestId('kpi-detail').waitFor();
    expect(await page.getByTestId('kpi-status').first().textContent()).toBe('Nháp');
  });

  it('computes the worked examples in the scoring sandbox', async () => {
    const { page } = w;
    await nav(page).getByText('Thử cách chấm điểm', { exact: true }).click();
    await page.getByTestId('sandbox-page').waitFor();
    // Progress: (16 − 15) / (45 − 15) = 1/30 = 3,33 %
    await pickOption(page, 'sandbox-method', 'Tiến độ từ mức cơ sở');
    await inputOf(page, 'sandbox-baseline').fill('15');
    await inputOf(page, 'sandbox-target').fill('45');
    await inputOf(page, 'sandbox-actual').fill('16');
    expect(await page.getByTestId('sandbox-achievement').textContent()).toBe('3,33%');
    expect(await page.getByTestId('sandbox-status').getAttribute('data-status')).toBe('red');

    // Decrease: 10 / 12 = 83,33 % (amber from 80 %)
    await pickOption(page, 'sandbox-direction', 'Càng thấp càng tốt');
    await pickOption(page, 'sandbox-method', 'Tỷ lệ (thực hiện / chỉ tiêu)');
    await inputOf(page, 'sandbox-target').fill('10');
    await inputOf(page, 'sandbox-actual').fill('12');
    expect(await page.getByTestId('sandbox-achievement').textContent()).toBe('83,33%');
    expect(await page.getByTestId('sandbox-score').textContent()).toBe('83,33%');
    expect(await page.getByTestId('sandbox-status').getAttribute('data-status')).toBe('amber');

    const rows = await page.getByTestId('sandbox-examples').locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('3,33%');
    expect(rows[1]).toContain('83,33%');
    await screenshot(page, 'sandbox');
  });

  it('logged no console errors other than the refused activation', () => {
    expect(w.unexpectedErrors([[422, '/api/kpis']])).toEqual([]);
  });
});
