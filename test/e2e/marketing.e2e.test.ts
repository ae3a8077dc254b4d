import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserSession, chooseLanguage, DEMO, horizontalOverflow, login, openPage, screenshot, useBrowserSession, type WatchedPage } from './browser';

let s: BrowserSession;
let w: WatchedPage;
useBrowserSession((session) => {
  s = session;
  w = session.w;
});

const AGENCY = 'agency@saoviet.vn';

const rowOf = (page: Page, table: string, name: string) => page.getByTestId(table).locator('tr.ant-table-row', { hasText: name });

async function expectNoSidewaysScroll(page: Page, what: string) {
  const o = await horizontalOverflow(page);
  expect(o.culprits, what).toEqual([]);
  expect(o.scrollWidth, what).toBeLessThanOrEqual(o.innerWidth);
}

/**
 * The demo's marketing (src/app/demo/seed-marketing.ts), worked by hand: the in-house campaign "Tri ân khách hàng
 * thân thiết" sent Email 1.200 (84 responses, 7 %), Zalo 800 (96, 12 %), SMS 2.000 (40, 2 %): 220/4.000 = 5,5 %
 * overall, not the 7 % mean of the rates. Its awareness went 120/400 = 30 % → 152/400 = 38 %: +8 points,
 * 95 % interval 1,46 to 14,54 points. The agency campaign adds Facebook 9.000 (264) and Website 4.000 (60), so every
 * campaign together is 544/17.000 = 3,2 %.
 */
describe('marketing in the browser', () => {
  it('channel comparison: each channel side by side and the overall ratio of sums', async () => {
    const { page } = w;
    await login(page, DEMO.admin);
    await page.getByTestId('side-nav').getByText('Marketing', { exact: true }).click();
    await rowOf(page, 'channel-comparison', 'Email').waitFor();
    expect(await page.getByTestId('rr-EMAIL').textContent()).toBe('7 %');
    expect(await page.getByTestId('rr-ZALO').textContent()).toBe('12 %');
    expect(await page.getByTestId('rr-SMS').textContent()).toBe('2 %');
    expect(await page.getByTestId('rr-total').textContent()).toBe('3,2 %');
    await screenshot(page, 'marketing-channels-vi');
  });

  it('the campaign page: targets vs actuals (5,5 % overall) and the before/after awareness with its interval', async () => {
    const { page } = w;
    await page.getByTestId('campaign-link-CSKH-TRI-AN').click();
    await page.getByTestId('campaign-channels').locator('tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('rr-total').textContent()).toBe('5,5 %');
    expect(await page.getByTestId('rr-EMAIL').textContent()).toBe('7 % / 6 %');
    await page.getByTestId('awareness-lift').waitFor();
    expect(await page.getByTestId('awareness-before').textContent()).toContain('30 %');
    expect(await page.getByTestId('awareness-after').textContent()).toContain('38 %');
    expect(await page.getByTestId('awareness-lift').textContent()).toBe('Mức tăng 8 điểm phần trăm (khoảng tin cậy 95 %: 1,46 đến 14,54 điểm).');
    expect(await page.getByTestId('awareness-conclusion').textContent()).toContain('có ý nghĩa thống kê');
    expect(await page.getByTestId('awareness-sample-size').textContent()).toMatch(/cần khoảng [\d.]+ người mỗi lần khảo sát/);
    await screenshot(page, 'marketing-campaign-vi');

    await chooseLanguage(page, 'EN');
    await page.getByText('Brand awareness before / after').waitFor();
    expect(await page.getByTestId('rr-total').textContent()).toBe('5.5 %');
    expect(await page.getByTestId('awareness-lift').textContent()).toBe('Lift of 8 percentage points (95 % interval: 1.46 to 14.54 points).');
    await screenshot(page, 'marketing-campaign-en');
    await page.goto('/marketing');
    await page.getByTestId('rr-total').waitFor();
    expect(await page.getByTestId('rr-total').textContent()).toBe('3.2 %');
    await screenshot(page, 'marketing-channels-en');
    await chooseLanguage(page, 'VI');
  });

  it('refuses to start the draft campaign and says which target is missing', async () => {
    const { page } = w;
    await page.goto('/marketing');
    await page.getByTestId('campaign-link-HOI-CHO-CUOI-NAM').click();
    await page.getByTestId('campaign-start').click();
    await page.getByTestId('campaign-start-error').waitFor();
    expect(await page.getByTestId('campaign-start-error').textContent()).toContain('Kênh Sự kiện: chưa đặt chỉ tiêu tỷ lệ phản hồi');
    expect(w.unexpectedErrors([[422, '/status']])).toEqual([]);
  });

  it('an agency user sees only its campaign, and the pages fit a 390 px phone', async () => {
    const agency = await openPage(s.browser, s.server.url);
    const { page } = agency;
    await login(page, AGENCY);
    // No home, KPI or org pages: it lands on its campaigns.
    await page.getByTestId('campaign-list').locator('tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('campaign-list').locator('tr.ant-table-row').count()).toBe(1);
    expect(await page.getByTestId('campaign-list').textContent()).toContain('Ra mắt dòng sản phẩm mới');
    expect(await page.getByTestId('channel-comparison').count()).toBe(0);
    const nav = (await page.getByTestId('side-nav').textContent()) ?? '';
    expect(nav).toContain('Marketing');
    expect(nav).not.toContain('KPI');
    await screenshot(page, 'marketing-agency-vi');
    await page.getByTestId('campaign-link-RA-MAT-SP').click();
    await page.getByTestId('campaign-channels').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('survey-form').waitFor(); // the agency may report surveys (shown once its rights are known)
    expect(await page.getByTestId('survey-form').count()).toBe(1);
    expect(await page.getByTestId('campaign-start').count()).toBe(0);
    // Before: 9.000 + 4.000 sent, 264 + 60 answered → 324/13.000 = 2,5 %. It reports this month's Website results,
    // 2.000 sent and 150 answered: 474/15.000 = 3,2 %; Website alone 210/6.000 = 3,5 % against its 2 % target.
    expect(await page.getByTestId('rr-total').textContent()).toBe('2,5 %');
    const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 7);
    await page.getByTestId('result-channel').click();
    await page.locator('.ant-select-item-option', { hasText: 'Website' }).click();
    await page.getByTestId('result-period').fill(month);
    await page.getByTestId('result-recipients').fill('2000');
    await page.getByTestId('result-responses').fill('150');
    await page.getByTestId('result-save').click();
    await page.getByTestId('campaign-channels').locator('td', { hasText: '15.000' }).waitFor();
    expect(await page.getByTestId('rr-total').textContent()).toBe('3,2 %');
    expect(await page.getByTestId('rr-WEBSITE').textContent()).toBe('3,5 % / 2 %');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('campaign-channels').locator('tr.ant-table-row').first().waitFor();
    await expectNoSidewaysScroll(page, 'campaign page at 390 px');
    await screenshot(page, 'marketing-campaign-phone-vi');
    await page.goto('/marketing');
    await page.getByTestId('campaign-list').locator('tr.ant-table-row').first().waitFor();
    await expectNoSidewaysScroll(page, 'marketing page at 390 px');
    expect(agency.unexpectedErrors()).toEqual([]);
    expect(w.unexpectedErrors([[422, '/status']])).toEqual([]);
  });
});
