import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserSession, chooseLanguage, DEMO, login, openPage, useBrowserSession } from './browser';

/** Everyday use: money typed with unit words, no false sum gaps, one status label, the system named in English. */
let s: BrowserSession;
useBrowserSession((session) => (s = session));

const inputOf = (page: Page, testId: string) => page.getByTestId(testId).locator('xpath=self::input').or(page.getByTestId(testId).locator('input')).first();
const monthKey = () => new Date().toISOString().slice(0, 7);

describe('everyday words and numbers', () => {
  it('takes "240 tỷ" in the split tool, shows the full value it read, and splits 12 × 20 tỷ', async () => {
    const { page } = s.w;
    await login(page, DEMO.admin);
    await page.goto('/kpis/REVENUE/edit');
    await page.getByTestId('kpi-form-page').waitFor();
    await page.getByTestId('split-open').click();
    const tool = page.locator('.ant-modal', { hasText: 'Phân bổ chỉ tiêu năm' });
    await tool.waitFor();
    await inputOf(page, 'split-total').fill('240 tỷ');
    await page.getByTestId('split-total-means').waitFor();
    expect((await page.getByTestId('split-total-means').textContent())?.replace(/\u00a0/g, ' ')).toBe('= 240.000.000.000 ₫');
    await tool.getByTestId('split-sum').waitFor();
    expect(await tool.getByTestId('split-sum').textContent()).toContain('240.000.000.000');
    const cells = await tool.getByTestId('split-preview').locator('tr.ant-table-row td:nth-child(2)').allTextContents();
    expect(cells.map((c) => c.replace(/\D/g, ''))).toEqual(new Array(12).fill('20000000000'));
    await inputOf(page, 'split-total').fill('240 xyz');
    expect(await page.getByTestId('split-total-means').textContent()).toBe('?');
    await tool.getByRole('button', { name: 'Hủy' }).click();
  });

  it('shows a sum gap to the admin but not to an employee who cannot see every team', async () => {
    const { page } = s.w;
    const month = monthKey();
    const units = ((await (await page.request.get('/api/org-units')).json()) as { items: { id: number; code: string }[] }).items;
    const unit = (code: string) => ({ type: 'unit', id: units.find((u) => u.code === code)!.id });
    const csrf = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
    const put = (scope: object, value: number) =>
      page.request.put('/api/kpis/REVENUE/targets', { data: { scope, targets: [{ period: month, value }] }, headers: { 'x-csrf-token': csrf } });
    // Company 20 tỷ, teams 12 + 9 = 21 tỷ: over-allocated by 1 tỷ.
    for (const [scope, value] of [[{ type: 'company' }, 20e9], [unit('KD-MB'), 12e9], [unit('KD-MN'), 9e9]] as const) expect((await put(scope, value)).ok()).toBe(true);
    await page.goto('/kpis/REVENUE');
    await page.getByTestId('kpi-tab-targets').click();
    await page.locator('[data-testid="sum-company"][data-status="mismatch"]').waitFor();

    const employee = await openPage(s.browser, s.server.url);
    await login(employee.page, DEMO.employee);
    await employee.page.goto('/kpis/REVENUE');
    await employee.page.getByTestId('kpi-tab-targets').click();
    await employee.page.getByTestId('targets-table').waitFor();
    await employee.page.waitForLoadState('networkidle');
    expect(await employee.page.locator('[data-status="mismatch"]').count()).toBe(0);
    expect(await employee.page.getByTestId('targets-by-unit').textContent()).not.toContain('Chênh lệch');
    await employee.page.close();
  });

  it('calls an amber result "Cần chú ý" in the sandbox as on the strategy map', async () => {
    const { page } = s.w;
    await page.goto('/sandbox');
    await page.getByTestId('sandbox-target').waitFor();
    await inputOf(page, 'sandbox-target').fill('100');
    await inputOf(page, 'sandbox-actual').fill('85');
    await page.locator('[data-testid="sandbox-status"][data-status="amber"]').waitFor();
    expect(await page.getByTestId('sandbox-status').textContent()).toBe('Cần chú ý');
  });

  it('names the system "System" in the English audit log', async () => {
    const { page } = s.w;
    await chooseLanguage(page, 'EN');
    await page.goto('/audit');
    await page.getByText('System', { exact: true }).first().waitFor();
    expect(await page.getByText('Hệ thống', { exact: true }).count()).toBe(0);
    await chooseLanguage(page, 'VI');
  });
});
