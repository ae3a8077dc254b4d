import { describe, expect, it } from 'vitest';
import { type BrowserSession, chooseLanguage, DEMO, horizontalOverflow, login, useBrowserSession } from './browser';

let s: BrowserSession;
useBrowserSession((session) => (s = session));

async function shoot(name: string, width: number) {
  const { page } = s.w;
  await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
  await page.waitForLoadState('networkidle');
  await page.mouse.move(width - 1, 10);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${process.cwd()}/docs/screenshots/${name}.png`, fullPage: true });
}

describe('report subscriptions card and the digest page', () => {
  it('subscribes to the monthly digest of the company, lists it and removes it', async () => {
    const { page } = s.w;
    await login(page, DEMO.manager);
    await page.goto('/reports');
    const card = page.getByTestId('subscriptions-card');
    await card.getByText('Bạn chưa đăng ký báo cáo nào.').waitFor();
    await card.getByTestId('subscription-format').getByText('Excel', { exact: true }).click();
    await card.getByTestId('subscription-add').click();
    await card.getByTestId('subscriptions-list').getByText('Bản tin tổng hợp', { exact: true }).waitFor();
    expect(await card.getByTestId('subscriptions-list').textContent()).toContain('Hàng tháng · Toàn công ty · XLSX');
    await card.scrollIntoViewIfNeeded();
    await shoot('subscriptions-vi', 1366);
    await shoot('subscriptions-phone', 390);
    const overflow = await horizontalOverflow(page);
    expect(overflow.culprits).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await card.locator('[data-testid^="subscription-remove-"]').first().click();
    await card.getByText('Bạn chưa đăng ký báo cáo nào.').waitFor();
    expect(s.w.unexpectedErrors()).toEqual([]);
  });

  it('shows the digest in vi and en without sideways scrolling at 390 px', async () => {
    const { page } = s.w;
    await page.goto('/reports/digest?period=2026-06&scope=company');
    await page.getByTestId('digest-red').waitFor();
    expect(await page.getByTestId('digest-period-text').textContent()).toBe('Từ 01/06/2026 đến 30/06/2026, so với kỳ trước 2026-05');
    await shoot('digest-vi', 1366);
    await shoot('digest-phone', 390);
    expect((await horizontalOverflow(page)).culprits).toEqual([]);
    await chooseLanguage(page, 'EN');
    await page.getByText('Management digest', { exact: true }).first().waitFor();
    expect((await horizontalOverflow(page)).culprits).toEqual([]);
    await shoot('digest-en-phone', 390);
    await chooseLanguage(page, 'VI');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(s.w.unexpectedErrors()).toEqual([]);
  });
});
