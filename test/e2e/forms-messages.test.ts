import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/period';
import { periodKeyOf, periodLabel } from '../../src/web/features/results/periods';
import { join } from 'node:path';
import { chooseLanguage, DEMO, pickOption, horizontalOverflow, login, screenshot, SCREENSHOTS, useBrowserSession, type WatchedPage } from './browser';

let w: WatchedPage;
useBrowserSession((s) => (w = s.w));

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const text = async (l: { textContent(): Promise<string | null> }) => ((await l.textContent()) ?? '').replace(/\u00a0/g, ' ');

function inputOf(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  return el.locator('xpath=self::input').or(el.locator('input')).first();
}

/** No sideways scrolling: the document is no wider than the window (else: the outermost elements sticking out). */
async function fitsWidth(page: Page): Promise<void> {
  const o = await horizontalOverflow(page);
  expect({ scrollWidth: o.scrollWidth, culprits: o.culprits }).toEqual({ scrollWidth: o.innerWidth, culprits: [] });
}

/** Screenshots of the page as it is, vi and en, at 1366 px and 390 px; back to vi at 1366 px. */
async function shots(page: Page, name: string, ready: () => Promise<void>, focus?: string): Promise<void> {
  for (const lang of ['vi', 'en'] as const) {
    await chooseLanguage(page, lang === 'vi' ? 'VI' : 'EN');
    for (const [size, suffix] of [[DESKTOP, ''], [PHONE, '-390']] as const) {
      await page.setViewportSize(size);
      // Charts follow the window a moment after it changes (their resize observer).
      await page.waitForTimeout(800);
      await ready();
      if (size === PHONE) await fitsWidth(page);
      if (!focus) await screenshot(page, `${name}-${lang}${suffix}`);
      else {
        // The part the picture is about is lower on the page: scroll it into view (the helper scrolls to the top).
        await page.waitForLoadState('networkidle');
        await page.getByTestId(focus).scrollIntoViewIfNeeded();
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}${suffix}.png`) });
      }
    }
  }
  await chooseLanguage(page, 'VI');
  await page.setViewportSize(DESKTOP);
}

const today = localDate(new Date(), 'Asia/Ho_Chi_Minh');
const month = periodKeyOf(today, 'month');

describe('forms and messages', () => {
  it('SMART panel: an empty form is not "OK" on R, ALIGN is in Vietnamese and names no placeholder code', async () => {
    const { page } = w;
    await page.setViewportSize(DESKTOP);
    await login(page, DEMO.admin);
    await page.goto('/kpis/new');
    await page.locator('[data-testid="smart-letter-A"][data-status="error"]').waitFor();
    expect(await page.getByTestId('smart-letter-R').getAttribute('data-status')).toBe('pending');
    expect(await text(page.getByTestId('smart-letter-R'))).toContain('Chưa đánh giá');
    expect(await text(page.getByTestId('smart-letter-ALIGN'))).toContain('Liên kết');
    expect(await text(page.getByTestId('smart-panel'))).not.toMatch(/ALIGN|NEW_KPI/);
  });

  it('SMART panel: the refusal to activate goes once its letters are fixed', async () => {
    const { page } = w;
    await page.goto('/kpis/new?template=new-customers');
    await inputOf(page, 'kpi-code').waitFor();
    await page.locator('[data-testid="smart-letter-A"][data-status="error"]').waitFor();
    await page.getByTestId('kpi-activate').click();
    await page.getByTestId('smart-rejection').waitFor();
    expect(await page.getByTestId('smart-panel').getByText('Chặn kích hoạt').count()).toBeGreaterThan(0);

    await pickOption(page, 'kpi-owner', 'Lê Văn Đức', 'Lê Văn');
    await pickOption(page, 'kpi-measurer', 'Phạm Quốc Huy', 'Phạm');
    await page.locator('[data-testid="smart-letter-A"][data-status="ok"]').waitFor();
    expect(await page.locator('[data-testid^="smart-letter-"][data-status="error"]').count()).toBe(0);
    await page.getByTestId('smart-rejection').waitFor({ state: 'detached' });
    expect(await page.getByTestId('smart-panel').getByText('Chặn kích hoạt').count()).toBe(0);
  });

  it('parent KPI weight: required, prefilled, and never a raw API path on the page', async () => {
    const { page } = w;
    await page.getByTestId('parent-add').click();
    expect(await inputOf(page, 'parent-weight-0').inputValue()).toBe('100');
    await pickOption(page, 'parent-code-0', 'REVENUE', 'REVENUE');
    await inputOf(page, 'parent-weight-0').fill('');
    await page.getByTestId('kpi-save-draft').click();
    await page.getByText('Nhập trọng số (ví dụ 100%)').waitFor();
    expect(await page.getByText(/parents\.0/).count()).toBe(0);
    await inputOf(page, 'parent-weight-0').fill('30');
    await page.locator('[data-testid="smart-letter-ALIGN"][data-status="ok"]').waitFor();
    await shots(
      page,
      'kpi-form-smart',
      async () => {
        await page.getByTestId('smart-panel').waitFor();
      },
      'smart-panel',
    );
  });

  it('check-in: says it replaces the stored value, and adds to the month for a sum KPI', async () => {
    const { page } = w;
    await page.goto('/kpis/REVENUE');
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    const form = page.getByTestId('checkin-form');
    await form.waitFor();
    // Whatever the demo holds for this month, store 1 tỷ first: then the month has a value.
    await page.getByTestId('checkin-value').fill('1000000000');
    await page.getByTestId('checkin-save').click();
    await page.getByTestId(`history-value-${month}`).filter({ hasText: '1.000.000.000 ₫' }).waitFor();
    const version = Number((await text(page.getByTestId(`versions-${month}`))).replace(/\D/g, ''));

    const notice = page.getByTestId('checkin-notice');
    await notice.waitFor();
    expect(await text(notice)).toBe(`Thay thế giá trị của ${periodLabel(month, 'vi')} (phiên bản ${version + 1}) · hiện tại: 1.000.000.000 ₫`);
    expect(await page.getByTestId('checkin-value').inputValue()).toBe('');

    await page.getByTestId('checkin-mode').getByText('Cộng thêm vào tháng').click();
    await page.getByTestId('checkin-value').fill('250000000');
    await notice.filter({ hasText: '1.000.000.000 ₫ + 250.000.000 ₫ = 1.250.000.000 ₫' }).waitFor();
    await shots(
      page,
      'checkin-form',
      async () => {
        await form.waitFor();
      },
      'checkin-form',
    );
    await page.getByTestId('checkin-save').click();
    await page.getByTestId(`history-value-${month}`).filter({ hasText: '1.250.000.000 ₫' }).waitFor();
    await page.getByTestId(`versions-${month}`).click();
    // The dialog opens before its rows arrive: wait for them, then read.
    await page.getByTestId('versions-table').locator('tbody tr.ant-table-row').nth(1).waitFor();
    const versions = await text(page.getByTestId('versions-table'));
    expect(versions).toContain('1.000.000.000 ₫');
    expect(versions).toContain('1.250.000.000 ₫');
    await page.keyboard.press('Escape');
  });

  it('audit log: readable subjects with links, field diffs, and a filter for every entity', async () => {
    const { page } = w;
    await page.goto('/audit');
    await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const entities = ['KPI', 'Chỉ tiêu', 'Số liệu thực hiện', 'Tệp KPI-as-code', 'Nhân sự', 'Phòng ban', 'Người dùng', 'Công ty', 'Khóa API'];
    // The dropdown may close again while the page settles after loading: open it until its options are read.
    await expect
      .poll(
        async () => {
          if ((await options.count()) === 0) await page.getByTestId('audit-entity').click();
          return options.allTextContents();
        },
        { timeout: 10_000 },
      )
      .toEqual(expect.arrayContaining(entities));
    await options.filter({ hasText: 'Số liệu thực hiện' }).click();

    const first = page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first();
    await first.getByTestId('audit-kpi-link').waitFor();
    const row = await text(first);
    expect(row).toContain('REVENUE');
    expect(row).toContain(periodLabel(month, 'vi'));
    expect(row).toContain('Toàn công ty');
    expect(row).not.toMatch(/#\d|actual #|\|/);
    await first.locator('.ant-table-row-expand-icon').click();
    const diff = page.getByTestId('audit-diff').first();
    await diff.waitFor();
    expect(await text(diff)).toContain('Giá trị');
    expect(await text(diff)).toContain('1.250.000.000');
    await shots(page, 'audit-log', async () => {
      await page.getByTestId('audit-table').waitFor();
    });

    await page.getByTestId('audit-entity').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Tệp KPI-as-code' }).click();
    await page.getByTestId('audit-table').getByText('KPI-as-code (YAML)').first().waitFor();
    expect(await text(page.getByTestId('audit-table'))).not.toContain('#kpi-as-code');

    await page.getByTestId('audit-entity').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Số liệu thực hiện' }).click();
    await page.getByTestId('audit-table').getByTestId('audit-kpi-link').first().click();
    await page.waitForURL(/\/kpis\/REVENUE$/);
    // The one refused request is the activation of a KPI that was not SMART yet (second test).
    expect(w.unexpectedErrors([[422, '/api/kpis']])).toEqual([]);
  });
});
