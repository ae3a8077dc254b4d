import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, DEMO, login, screenshot, useBrowserSession, type WatchedPage } from './browser';

// Issue 10, targets: one top row for the company, a cascade that starts from the units that have the KPI,
// a monthly plan that opens already split, and one period label everywhere.
let w: WatchedPage;
useBrowserSession((s) => (w = s.w));

const B = 1_000_000_000;
const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const THIS_YEAR = new Date().getFullYear();

async function textOf(l: Locator): Promise<string> {
  return ((await l.textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}
function inputOf(page: Page, testId: string): Locator {
  const el = page.getByTestId(testId);
  return el.locator('xpath=self::input').or(el.locator('input')).first();
}
async function waitText(l: Locator, expected: string) {
  await expect.poll(() => textOf(l), { timeout: 10_000 }).toBe(expected);
}
const digits = (s: string) => Number(s.replace(/[^0-9]/g, ''));

const table = (page: Page) => page.getByTestId('targets-table');
const unitRow = (page: Page, code: string) => table(page).locator('tr.ant-table-row', { has: page.locator('.ant-tag', { hasText: new RegExp(`^${code}$`) }) });

/** Picks a period kind (Tháng / Năm …) then a period by its label, with the keyboard (the list is virtual). */
async function pickPeriod(page: Page, kind: string, label: string) {
  await page.getByTestId('targets-period-kind').getByText(kind, { exact: true }).click();
  const select = page.getByTestId('targets-period-key');
  for (const key of ['ArrowUp', 'ArrowDown']) {
    for (let i = 0; i < 30 && !(await textOf(select)).includes(label); i++) {
      await select.click();
      await page.keyboard.press(key);
      await page.keyboard.press('Enter');
    }
  }
  expect(await textOf(select)).toBe(label);
}

/** The page is not wider than the window (no sideways scrolling). */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Screenshots at 1366 px and 390 px: docs/screenshots/<name>-<lang>-1366.png and -390.png. */
async function shootBoth(page: Page, name: string, lang: 'vi' | 'en') {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-${lang}-1366`);
  await page.setViewportSize(PHONE);
  await expect.poll(() => fitsWidth(page), { timeout: 3_000 }).toBe(true);
  await screenshot(page, `${name}-${lang}-390`);
  await page.setViewportSize(DESKTOP);
}

async function setLang(page: Page, lang: 'VI' | 'EN') {
  await chooseLanguage(page, lang);
  await page.getByRole('tab', { name: lang === 'VI' ? 'Chỉ tiêu theo đơn vị' : 'Targets by unit' }).waitFor();
}

describe('Targets, everyday use', () => {
  it('shows one top row for the company, with the org chart’s top unit MA folded into it', async () => {
    const { page } = w;
    await page.setViewportSize(DESKTOP);
    await login(page, DEMO.admin);
    await page.goto('/kpis/REVENUE');
    await page.getByTestId('kpi-tab-targets').click();
    await table(page).waitFor();
    await pickPeriod(page, 'Năm', `Năm ${THIS_YEAR}`);
    const top = table(page).locator('tr.ant-table-row-level-0');
    await expect.poll(() => top.count()).toBe(1);
    expect(await textOf(top.first())).toContain('Công ty TNHH Thương mại Minh An');
    expect(await textOf(page.getByTestId('company-root-code'))).toBe('MA');
    // No second company-like row "Công ty Minh An MA": the departments hang right under the company.
    expect(await table(page).locator('tr.ant-table-row', { hasText: 'Công ty Minh An' }).count()).toBe(0);
    expect(await unitRow(page, 'KD').getAttribute('class')).toContain('ant-table-row-level-1');
    expect(await unitRow(page, 'KD-MB').getAttribute('class')).toContain('ant-table-row-level-2');
    await waitText(page.getByTestId('target-company'), '240.000.000.000 ₫');
  });

  it('cascades the yearly revenue to the units with last year’s actuals, and says why', async () => {
    const { page } = w;
    await page.getByTestId('cascade-company').click();
    const dialog = page.getByTestId('cascade-dialog');
    await dialog.waitFor();
    expect(await textOf(dialog.locator('.ant-modal-title'))).toBe(`Phân bổ chỉ tiêu: Công ty TNHH Thương mại Minh An · Năm ${THIS_YEAR}`);
    // Only the two sales teams reported revenue last year; the board, HR and accounting are not proposed.
    const reason = dialog.getByTestId('cascade-reason');
    await reason.waitFor();
    expect(await reason.getAttribute('data-reason')).toBe('lastYear');
    expect(await textOf(reason)).toBe(`Đề xuất các đơn vị có số thực hiện KPI này trong năm ${THIS_YEAR - 1}. Có thể thêm hoặc bớt.`);
    const picked = await dialog.getByTestId('cascade-units').locator('.ant-select-selection-item').allTextContents();
    expect(picked).toEqual(['Nhóm Kinh doanh Miền Bắc (KD-MB)', 'Nhóm Kinh doanh Miền Nam (KD-MN)']);
    // 240 tỷ / 2 = 120 tỷ each.
    await waitText(dialog.getByTestId('cascade-value-KD-MB'), '120.000.000.000 ₫ · 120 tỷ');
    expect(await textOf(dialog.getByTestId('cascade-value-KD-MN'))).toBe('120.000.000.000 ₫ · 120 tỷ');
    await shootBoth(page, 'targets-cascade', 'vi');
    await dialog.getByTestId('cascade-apply').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="sum-company"][data-status="ok"]').waitFor();
    expect(await textOf(page.getByTestId('sum-company'))).toBe('Khớp tổng: 240 tỷ');
    await shootBoth(page, 'targets-tab', 'vi');
  });

  it('opens a unit’s monthly plan already split evenly from its yearly target, and saves it', async () => {
    const { page } = w;
    // Phòng Kinh doanh gets a yearly target of 216 tỷ and has no monthly targets and no actuals of its own.
    await unitRow(page, 'KD').locator('[data-testid$="-edit"]').click();
    const input = unitRow(page, 'KD').locator('input');
    await input.fill('216.000.000.000');
    await input.press('Enter');
    await waitText(unitRow(page, 'KD').locator('[data-testid^="target-unit:"]:not([data-testid$="-edit"])').first(), '216.000.000.000 ₫');
    await unitRow(page, 'KD').locator('[data-testid^="plan-unit:"]').click();
    const plan = page.getByTestId('monthly-plan');
    await plan.waitFor();
    // The unit's yearly target is shown at the top of its month view.
    await waitText(page.getByTestId('plan-yearly'), '216.000.000.000 ₫');
    expect(await textOf(page.getByTestId('plan-basis'))).toBe('Đã chia đều theo 12 tháng — chưa lưu');
    // 216 tỷ / 12 = 18 tỷ a month, no remainder; no "Chênh lệch: +216 tỷ".
    for (const m of [1, 6, 12]) expect(await inputOf(page, `plan-value-${m}`).inputValue()).toBe('18.000.000.000');
    expect(await textOf(page.getByTestId('plan-sum'))).toBe('216.000.000.000 ₫');
    expect(await page.getByTestId('plan-check').getAttribute('data-status')).toBe('ok');
    expect(await textOf(plan)).not.toContain('Chênh lệch');
    expect(await textOf(page.getByTestId('plan-month-1'))).toContain(`Tháng 01/${THIS_YEAR}`);
    await shootBoth(page, 'targets-monthly-plan', 'vi');
    await page.setViewportSize(PHONE);
    // At 390 px two months side by side.
    const [a, b, c] = await Promise.all([1, 2, 3].map((m) => page.getByTestId(`plan-month-${m}`).boundingBox()));
    expect(a!.y).toBe(b!.y);
    expect(c!.y).toBeGreaterThan(a!.y);
    await page.setViewportSize(DESKTOP);
    await page.getByTestId('plan-save').click();
    await plan.waitFor({ state: 'hidden' });
    await pickPeriod(page, 'Tháng', `Tháng 03/${THIS_YEAR}`);
    await waitText(unitRow(page, 'KD').locator('[data-testid^="target-unit:"]:not([data-testid$="-edit"])').first(), '18.000.000.000 ₫');
  });

  it('splits a yearly target by last year’s months when the unit has a complete year of history', async () => {
    const { page } = w;
    // Marketing reports revenue for last year: 5 tỷ a month in January–June, 10 tỷ in July–December (90 tỷ).
    const mkt = (await unitRow(page, 'MKT').locator('[data-testid^="target-unit:"]').first().getAttribute('data-testid'))!.replace(/\D/g, '');
    const token = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
    for (let m = 1; m <= 12; m++) {
      const res = await page.request.post('/api/kpis/REVENUE/checkins', {
        headers: { 'x-csrf-token': token },
        data: { period: `${THIS_YEAR - 1}-${String(m).padStart(2, '0')}`, scope: { type: 'unit', id: Number(mkt) }, value: (m <= 6 ? 5 : 10) * B },
      });
      expect(res.status()).toBe(200);
    }
    await pickPeriod(page, 'Năm', `Năm ${THIS_YEAR}`);
    await unitRow(page, 'MKT').locator('[data-testid$="-edit"]').click();
    const input = unitRow(page, 'MKT').locator('input');
    await input.fill('180.000.000.000');
    await input.press('Enter');
    await waitText(unitRow(page, 'MKT').locator('[data-testid^="target-unit:"]:not([data-testid$="-edit"])').first(), '180.000.000.000 ₫');
    await unitRow(page, 'MKT').locator('[data-testid^="plan-unit:"]').click();
    await page.getByTestId('monthly-plan').waitFor();
    await waitText(page.getByTestId('plan-basis'), `Đã chia theo tỷ trọng thực hiện từng tháng năm ${THIS_YEAR - 1} — chưa lưu`);
    expect(await page.getByTestId('plan-basis').getAttribute('data-basis')).toBe('lastYear');
    // 180 tỷ × 5/90 = 10 tỷ for January–June, × 10/90 = 20 tỷ for July–December: 6 × 10 + 6 × 20 = 180 tỷ.
    const months = await Promise.all(Array.from({ length: 12 }, (_, i) => inputOf(page, `plan-value-${i + 1}`).inputValue()));
    expect(months.map(digits)).toEqual([...new Array<number>(6).fill(10 * B), ...new Array<number>(6).fill(20 * B)]);
    expect(await textOf(page.getByTestId('plan-sum'))).toBe('180.000.000.000 ₫');
    expect(await page.getByTestId('plan-check').getAttribute('data-status')).toBe('ok');
    await page.getByTestId('monthly-plan').getByRole('button', { name: /Hủy|Cancel/ }).first().click();
    await page.getByTestId('monthly-plan').waitFor({ state: 'hidden' });
    expect(w.unexpectedErrors()).toEqual([]);
  });

  it('labels periods the same way everywhere, in English too', async () => {
    const { page } = w;
    await pickPeriod(page, 'Năm', `Năm ${THIS_YEAR}`);
    await setLang(page, 'EN');
    // The picker, the cascade dialog's title and the plan's months.
    expect(await textOf(page.getByTestId('targets-period-key'))).toBe(String(THIS_YEAR));
    await page.getByTestId('cascade-company').click();
    const dialog = page.getByTestId('cascade-dialog');
    await dialog.waitFor();
    expect(await textOf(dialog.locator('.ant-modal-title'))).toBe(`Cascade: Công ty TNHH Thương mại Minh An · ${THIS_YEAR}`);
    await dialog.getByTestId('cascade-reason').waitFor();
    expect(await dialog.getByTestId('cascade-reason').getAttribute('data-reason')).toBe('existing');
    await shootBoth(page, 'targets-cascade', 'en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await shootBoth(page, 'targets-tab', 'en');
    await pickPeriod(page, 'Year', String(THIS_YEAR + 1));
    await unitRow(page, 'KD-MB').locator('[data-testid$="-edit"]').click();
    await unitRow(page, 'KD-MB').locator('input').fill('132,000,000,000');
    await unitRow(page, 'KD-MB').locator('input').press('Enter');
    await waitText(unitRow(page, 'KD-MB').locator('[data-testid^="target-unit:"]:not([data-testid$="-edit"])').first(), '₫132,000,000,000');
    await unitRow(page, 'KD-MB').locator('[data-testid^="plan-unit:"]').click();
    await page.getByTestId('monthly-plan').waitFor();
    // This year is not over, so its months give no shares: the yearly target is split evenly.
    await waitText(page.getByTestId('plan-basis'), 'Split evenly over 12 months — not saved yet');
    expect(await textOf(page.getByTestId('plan-month-1'))).toContain(`Jan ${THIS_YEAR + 1}`);
    await shootBoth(page, 'targets-monthly-plan', 'en');
    await page.getByTestId('monthly-plan').getByRole('button', { name: 'Cancel' }).first().click();

    // The KPI's targets table on the detail page: "Jan 2026", not "2026-01".
    await page.getByRole('tab', { name: 'Definition' }).click();
    const rows = page.getByTestId('kpi-targets').locator('tbody tr');
    await rows.first().waitFor();
    const periods = await Promise.all((await rows.all()).map((r) => textOf(r.locator('td').first())));
    expect(periods).toContain(String(THIS_YEAR));
    expect(periods).toContain(`Jan ${THIS_YEAR}`);
    expect(periods.some((p) => /^\d{4}-\d{2}$/.test(p))).toBe(false);

    // The audit log names the cascade's period the same way ("· 2026" / "· Năm 2026"), never "2026-01".
    await page.goto('/audit');
    const subjects = page.getByTestId('audit-subject');
    await subjects.first().waitFor();
    await subjects.filter({ hasText: new RegExp(`^REVENUE .*· ${THIS_YEAR}$`) }).first().waitFor();
    await chooseLanguage(page, 'VI');
    await subjects.filter({ hasText: new RegExp(`^REVENUE .*· Năm ${THIS_YEAR}$`) }).first().waitFor();
    expect((await subjects.allTextContents()).filter((x) => /\d{4}-(\d{2}|Q\d)\b/.test(x))).toEqual([]);
    expect(w.unexpectedErrors()).toEqual([]);
  });
});

