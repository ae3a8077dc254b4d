import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, DEMO, login, screenshot, useBrowserSession, type WatchedPage } from './browser';

let w: WatchedPage;
useBrowserSession((s) => (w = s.w));

/** Text with non-breaking spaces made plain, so "20.000.000.000 ₫" compares as typed. */
async function textOf(l: Locator): Promise<string> {
  return ((await l.textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}

/** The <input> behind a test id (antd puts the id on the input or on its wrapper). */
function inputOf(page: Page, testId: string): Locator {
  const el = page.getByTestId(testId);
  return el.locator('xpath=self::input').or(el.locator('input')).first();
}

const table = (page: Page) => page.getByTestId('targets-table');
/** The table row of an org unit, found by its code tag. */
const unitRow = (page: Page, code: string) => table(page).locator('tr.ant-table-row', { has: page.locator('.ant-tag', { hasText: new RegExp(`^${code}$`) }) });
const targetOf = (page: Page, code: string) => unitRow(page, code).locator('[data-testid^="target-unit:"]:not([data-testid$="-edit"])').first();
const companySum = (page: Page) => page.getByTestId('sum-company');

async function waitText(l: Locator, expected: string) {
  await expect.poll(() => textOf(l), { timeout: 10_000 }).toBe(expected);
}

/** Picks a period in the picker's list with the keyboard (the list is virtual: far options are not in the page). */
async function pickPeriod(page: Page, label: string) {
  const select = page.getByTestId('targets-period-key');
  for (let i = 0; i < 30 && !(await textOf(select)).includes(label); i++) {
    await select.click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  }
  expect(await textOf(select)).toContain(label);
}

const B = 1_000_000_000;
const money = (v: number) => `${new Intl.NumberFormat('vi-VN').format(v)} ₫`;

describe('Targets by unit: sum check, inline edit, cascade and monthly plan', () => {
  it('shows the demo cascade of January 2026 with a green sum check', async () => {
    const { page } = w;
    await login(page, DEMO.admin);
    await page.goto('/kpis/REVENUE');
    await page.getByTestId('kpi-tab-targets').click();
    await page.getByTestId('targets-table').waitFor();
    await pickPeriod(page, 'Tháng 01/2026');
    // The demo splits 20 tỷ: North 52 % = 10,4 tỷ, South 48 % = 9,6 tỷ.
    await waitText(page.getByTestId('target-company'), '20.000.000.000 ₫');
    await waitText(targetOf(page, 'KD-MB'), '10.400.000.000 ₫');
    await waitText(targetOf(page, 'KD-MN'), '9.600.000.000 ₫');
    expect(money(10.4 * B)).toBe('10.400.000.000 ₫');
    await page.locator('[data-testid="sum-company"][data-status="ok"]').waitFor();
    expect(await textOf(companySum(page))).toBe('Khớp tổng: 20 tỷ');
    expect(await textOf(unitRow(page, 'KD-MB').locator('[data-testid^="share-"]'))).toBe('52%');
    await screenshot(page, 'targets-by-unit-vi');
  });

  it('edits KD-MB inline and shows the red difference', async () => {
    const { page } = w;
    await unitRow(page, 'KD-MB').locator('[data-testid$="-edit"]').click();
    const input = unitRow(page, 'KD-MB').locator('input');
    await input.fill('11.000.000.000');
    await input.press('Enter');
    await waitText(targetOf(page, 'KD-MB'), '11.000.000.000 ₫');
    // 11 + 9,6 = 20,6 tỷ against 20 tỷ: 20 − 20,6 = −0,6 tỷ = −600 triệu, over-allocated.
    await page.locator('[data-testid="sum-company"][data-status="mismatch"]').waitFor();
    expect(await textOf(companySum(page))).toBe('Chênh lệch: \u2212600 triệu (vượt phân bổ)');
    await screenshot(page, 'targets-mismatch-vi');
  });

  it('rejects an empty value on the field', async () => {
    const { page } = w;
    await unitRow(page, 'KD-MN').locator('[data-testid$="-edit"]').click();
    const input = unitRow(page, 'KD-MN').locator('input');
    await input.fill('');
    await input.press('Enter');
    expect(await textOf(unitRow(page, 'KD-MN').locator('[data-testid$="-error"]'))).toBe('Hãy nhập chỉ tiêu.');
    await input.press('Escape');
    await waitText(targetOf(page, 'KD-MN'), '9.600.000.000 ₫');
  });

  it('cascades the company target 50/50 to the two sales teams and is green again', async () => {
    const { page } = w;
    await page.getByTestId('cascade-company').click();
    const dialog = page.getByTestId('cascade-dialog');
    await dialog.waitFor();
    // The units that already share the target are proposed (once last year's actuals have loaded).
    await expect.poll(() => textOf(dialog.getByTestId('cascade-units'))).toContain('KD-MB');
    expect(await textOf(dialog.getByTestId('cascade-units'))).toContain('KD-MN');
    // Custom weights that do not reach 100 % are refused: 60 + 50 = 110 %.
    await dialog.getByTestId('cascade-mode').getByText('Theo tỷ trọng (%)').click();
    await inputOf(page, 'cascade-weight-KD-MB').fill('60');
    await page.getByTestId('cascade-percent-error').waitFor();
    expect(await textOf(page.getByTestId('cascade-percent-error'))).toContain('110 %');
    expect(await dialog.getByTestId('cascade-apply').isDisabled()).toBe(true);
    // Equal split: 20 tỷ / 2 = 10 tỷ each.
    await dialog.getByTestId('cascade-mode').getByText('Chia đều').click();
    await waitText(dialog.getByTestId('cascade-value-KD-MB').locator('xpath=text()[1]').or(dialog.getByTestId('cascade-value-KD-MB')).first(), '10.000.000.000 ₫ · 10 tỷ');
    expect(await textOf(dialog.getByTestId('cascade-value-KD-MN'))).toBe('10.000.000.000 ₫ · 10 tỷ');
    expect(await textOf(dialog.getByTestId('cascade-sum'))).toBe('Các phần cộng lại đúng bằng 20.000.000.000 ₫.');
    await screenshot(page, 'targets-cascade-vi');
    await dialog.getByTestId('cascade-apply').click();
    await dialog.waitFor({ state: 'hidden' });
    await waitText(targetOf(page, 'KD-MB'), '10.000.000.000 ₫');
    await waitText(targetOf(page, 'KD-MN'), '10.000.000.000 ₫');
    await page.locator('[data-testid="sum-company"][data-status="ok"]').waitFor();
    expect(await textOf(companySum(page))).toBe('Khớp tổng: 20 tỷ');
  });

  it('plans the months: January locked, February edited, the year total stays 240 tỷ', async () => {
    const { page } = w;
    await page.getByTestId('plan-company').click();
    const plan = page.getByTestId('monthly-plan');
    await plan.waitFor();
    await waitText(page.getByTestId('plan-yearly'), '240.000.000.000 ₫');
    expect(await inputOf(page, 'plan-value-3').inputValue()).toBe('20.000.000.000');
    await page.getByTestId('plan-lock-1').click();
    const feb = inputOf(page, 'plan-value-2');
    await feb.fill('25.000.000.000');
    await feb.press('Enter');
    // 240 − 20 (January, locked) − 25 (February) = 195 tỷ over the 10 other months = 19,5 tỷ each.
    await expect.poll(() => inputOf(page, 'plan-value-3').inputValue()).toBe('19.500.000.000');
    expect(await inputOf(page, 'plan-value-1').inputValue()).toBe('20.000.000.000');
    expect(await inputOf(page, 'plan-value-2').inputValue()).toBe('25.000.000.000');
    expect(await inputOf(page, 'plan-value-12').inputValue()).toBe('19.500.000.000');
    expect(await textOf(page.getByTestId('plan-compact-12'))).toBe('19,5 tỷ');
    // 20 + 25 + 10 × 19,5 = 240 tỷ.
    expect(await textOf(page.getByTestId('plan-sum'))).toBe('240.000.000.000 ₫');
    expect(await page.getByTestId('plan-check').getAttribute('data-status')).toBe('ok');
    await screenshot(page, 'targets-monthly-plan-vi');
    await page.getByTestId('plan-save').click();
    await plan.waitFor({ state: 'hidden' });
    // January kept 20 tỷ (locked), so its check is still green.
    await page.locator('[data-testid="sum-company"][data-status="ok"]').waitFor();
    await waitText(page.getByTestId('target-company'), '20.000.000.000 ₫');
  });

  it('shows February saved, not fully allocated, in English too', async () => {
    const { page } = w;
    await pickPeriod(page, 'Tháng 02/2026');
    await waitText(page.getByTestId('target-company'), '25.000.000.000 ₫');
    // Teams still hold 10,4 + 9,6 = 20 tỷ of February's new 25 tỷ: 25 − 20 = +5 tỷ left to allocate.
    await page.locator('[data-testid="sum-company"][data-status="mismatch"]').waitFor();
    expect(await textOf(companySum(page))).toBe('Chênh lệch: +5 tỷ (chưa phân bổ hết)');
    await chooseLanguage(page, 'EN');
    await page.getByRole('tab', { name: 'Targets by unit' }).waitFor();
    await waitText(companySum(page), 'Difference: +5B ₫ (not fully allocated)');
    expect(await textOf(page.getByTestId('target-company'))).toBe('₫25,000,000,000');
    await screenshot(page, 'targets-by-unit-en');
    await chooseLanguage(page, 'VI');
    // People of a unit can be shown under it (no person targets in the demo yet: "—").
    await page.getByTestId('targets-show-people').click();
    const person = table(page).locator('tr.ant-table-row', { hasText: 'Vũ Đình Khoa' });
    await person.waitFor();
    expect(await textOf(person.locator('[data-testid^="target-person:"]').first())).toBe('—');
    expect(w.unexpectedErrors()).toEqual([]);
  });

  it('lets the sales manager cascade KD-MB 60/40 to two of its people', async () => {
    const { page } = w;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
    await login(page, DEMO.manager);
    await page.goto('/kpis/REVENUE');
    await page.getByTestId('kpi-tab-targets').click();
    await table(page).waitFor();
    await pickPeriod(page, 'Tháng 01/2026');
    // The cascade above split January's 20 tỷ 50/50, so KD-MB holds 10 tỷ.
    await waitText(targetOf(page, 'KD-MB'), '10.000.000.000 ₫');
    const unitTarget = Number((await textOf(targetOf(page, 'KD-MB'))).replace(/[^0-9]/g, ''));
    expect(unitTarget).toBe(10 * B);

    await unitRow(page, 'KD-MB').locator('[data-testid^="cascade-unit:"]').click();
    const dialog = page.getByTestId('cascade-dialog');
    await dialog.waitFor();
    await waitText(dialog.getByTestId('cascade-total'), '10.000.000.000 ₫');
    expect(await textOf(dialog)).toContain('Phân bổ cho các phòng ban con và nhân sự');
    // KD-MB has no child unit and no part yet: nothing is proposed; its people are offered under "Nhân sự".
    await dialog.getByTestId('cascade-units').click();
    await page.locator('.ant-select-item-group', { hasText: 'Nhân sự' }).waitFor();
    for (const name of ['Vũ Đình Khoa', 'Đặng Thu Trang']) {
      await page.keyboard.type(name);
      await page.locator('.ant-select-item-option', { hasText: name }).click();
    }
    await dialog.getByTestId('cascade-total').click(); // closes the dropdown
    await page.locator('.ant-select-dropdown').first().waitFor({ state: 'hidden' });

    const previewRow = (name: string) => dialog.getByTestId('cascade-preview').locator('tr', { hasText: name });
    await dialog.getByTestId('cascade-mode').getByText('Theo tỷ trọng (%)').click();
    await previewRow('Vũ Đình Khoa').locator('input').fill('60');
    await previewRow('Đặng Thu Trang').locator('input').fill('40');
    // 10 tỷ × 60 % = 6 tỷ and × 40 % = 4 tỷ, both already multiples of the 1.000.000 ₫ step: 6 + 4 = 10 tỷ.
    await waitText(previewRow('Vũ Đình Khoa').locator('[data-testid^="cascade-value-"]'), '6.000.000.000 ₫ · 6 tỷ');
    expect(await textOf(previewRow('Đặng Thu Trang').locator('[data-testid^="cascade-value-"]'))).toBe('4.000.000.000 ₫ · 4 tỷ');
    expect(await textOf(dialog.getByTestId('cascade-sum'))).toBe('Các phần cộng lại đúng bằng 10.000.000.000 ₫.');
    expect(await textOf(dialog.getByTestId('cascade-step'))).toBe('1.000.000 ₫');
    await screenshot(page, 'cascade-to-people');

    await dialog.getByTestId('cascade-apply').click();
    await dialog.waitFor({ state: 'hidden' });
    // The people rows open by themselves so the parts are visible under KD-MB.
    const personTarget = (name: string) => table(page).locator('tr.ant-table-row', { hasText: name }).locator('[data-testid^="target-person:"]:not([data-testid$="-edit"])').first();
    await waitText(personTarget('Vũ Đình Khoa'), '6.000.000.000 ₫');
    await waitText(personTarget('Đặng Thu Trang'), '4.000.000.000 ₫');
    const parts = await Promise.all(['Vũ Đình Khoa', 'Đặng Thu Trang'].map(async (n) => Number((await textOf(personTarget(n))).replace(/[^0-9]/g, ''))));
    expect(parts[0]! + parts[1]!).toBe(unitTarget);
    await unitRow(page, 'KD-MB').locator('[data-testid^="sum-unit:"][data-status="ok"]').waitFor();
    expect(await textOf(unitRow(page, 'KD-MB').locator('[data-testid^="sum-unit:"]'))).toBe('Khớp tổng: 10 tỷ');
    expect(w.unexpectedErrors()).toEqual([]);
  });
});
