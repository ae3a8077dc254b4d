import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports';
import { ApiClient } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { chooseLanguage, DEMO, ensureWebBuild, pickOption, launchBrowser, login, openPage, SCREENSHOTS, type WatchedPage } from './browser';

/*
 * Everyday numbers on 5 December 2026, 10:00 in Hà Nội (the server's and the browser's clock stand still):
 * the demo has monthly actuals up to November; December is open, 5 of its 31 days gone.
 * REVENUE targets 20 tỷ a month; GROSS_PROFIT 5 tỷ a month. Marketing owns 7 KPIs (by their owners).
 */
const NOW = new Date('2026-12-05T03:00:00Z');
const B = 1e9;

let app: FastifyInstance;
let store: Store;
let close: () => Promise<void>;
let browser: Browser;
let admin: WatchedPage;
let url: string;

const as = (email: string): Promise<ApiClient> => ApiClient.signedIn(app, email);

const textOf = async (l: { textContent(): Promise<string | null> }) => ((await l.textContent()) ?? '').replace(/\u00a0/g, ' ');

/** Screenshots of the page as it is, at 1366 px and at 390 px wide (the phone), then back to desktop. */
async function shots(page: Page, name: string, ready: string): Promise<void> {
  for (const [width, height, suffix] of [[1366, 860, ''], [390, 844, '-390']] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId(ready).waitFor();
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    if (width === 390) {
      // No sideways scrolling of the page on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at 390 px`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: join(SCREENSHOTS, `${name}${suffix}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  ensureWebBuild();
  // The demo's history runs up to the month before NOW; the server's clock stands at NOW.
  const server = await startTestServer({ now: NOW });
  ({ app, store, url, close } = server);
  browser = await launchBrowser();
  admin = await openPage(browser, url);
  await admin.page.clock.setFixedTime(NOW);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
});

describe('a period still running is judged against what is expected by today', () => {
  it('opens the strategy map on November, the latest month with data, while December has no check-in', async () => {
    const { page } = admin;
    await login(page, DEMO.admin);
    await page.goto('/strategy');
    await page.getByTestId('strategy-score').waitFor();
    expect(await textOf(page.getByTestId('strategy-page'))).toContain('Điểm toàn công ty, Tháng 11/2026');
    expect(await page.getByTestId('strategy-in-progress').count()).toBe(0);
  });

  it('shows a 4,2 tỷ month-to-date revenue as 130 % of the 3,23 tỷ expected by 5 December, green, in progress', async () => {
    const api = await as(DEMO.admin);
    const res = await api.post('/api/kpis/REVENUE/checkins', { period: '2026-12', value: 4.2 * B, comment: 'Đến ngày 05/12' });
    expect(res.statusCode).toBe(200);

    const { page } = admin;
    await page.goto('/strategy');
    await page.getByTestId('strategy-in-progress').waitFor();
    expect(await textOf(page.getByTestId('strategy-page'))).toContain('Tháng 12/2026');
    const node = page.getByTestId('map-root-REVENUE').getByTestId('map-node-REVENUE');
    // Expected by today: 20 tỷ × 5/31 = 3,2258 tỷ; 4,2 ÷ 3,2258 = 130,2 % → green (against all 20 tỷ it was 21 %, red).
    expect(await node.getAttribute('data-status')).toBe('green');
    expect(await textOf(page.getByTestId('map-achievement-REVENUE').first())).toBe('130,2%');
    expect(await textOf(page.getByTestId('map-expected-REVENUE').first())).toBe('Kỳ vọng đến nay: 3,2 tỷ');
    // Only REVENUE has a December number: the company score is its score, capped at 120 % — not red.
    expect(await textOf(page.getByTestId('strategy-score'))).toBe('120%');
    await shots(page, 'strategy-in-progress-vi', 'strategy-page');
    await chooseLanguage(page, 'EN');
    expect(await textOf(page.getByTestId('strategy-in-progress'))).toBe('In progress');
    expect(await textOf(page.getByTestId('map-expected-REVENUE').first())).toBe('Expected to date: 3.2B ₫');
    await shots(page, 'strategy-in-progress-en', 'strategy-page');
    await chooseLanguage(page, 'VI');
  });

  it('draws the open month next to its expected value on the results tab, and the pace is on track', async () => {
    const { page } = admin;
    await page.goto('/kpis/REVENUE');
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    await page.getByTestId('results-chart-period').waitFor();
    const points = JSON.parse((await page.getByTestId('results-chart-period').getAttribute('data-points')) ?? '[]') as Record<string, unknown>[];
    const december = points.find((p) => p.period === '2026-12')!;
    expect(december).toMatchObject({ actual: 4.2 * B, target: 20 * B, achievement: '130,2%', inProgress: true, status: 'green' });
    expect(december.expected as number).toBeCloseTo((20 * B * 5) / 31, 0);
    expect(await textOf(page.getByTestId('results-in-progress'))).toBe('Đang diễn ra');
    expect(await textOf(page.getByTestId('pace-period-status'))).toBe('Đúng tiến độ');
    await shots(page, 'results-in-progress-vi', 'kpi-results');
    await chooseLanguage(page, 'EN');
    expect(await textOf(page.getByTestId('results-in-progress'))).toBe('In progress');
    await shots(page, 'results-in-progress-en', 'kpi-results');
    await chooseLanguage(page, 'VI');
  });

  it('shows 4,985 tỷ / 5 tỷ for a gross profit of 99,7 % instead of 5 tỷ / 5 tỷ', async () => {
    const api = await as(DEMO.admin);
    expect((await api.post('/api/kpis/GROSS_PROFIT/checkins', { period: '2026-11', value: 4.985 * B })).statusCode).toBe(200);
    const { page } = admin;
    await page.goto('/strategy?period=2026-11');
    await page.getByTestId('map-node-GROSS_PROFIT').first().waitFor();
    expect(await textOf(page.getByTestId('map-achievement-GROSS_PROFIT').first())).toBe('99,7%');
    expect(await textOf(page.getByTestId('map-actual-GROSS_PROFIT').first())).toBe('4,985 tỷ');
    expect(await textOf(page.getByTestId('map-target-GROSS_PROFIT').first())).toBe('5 tỷ');
  });

  it('counts the 7 KPIs Marketing owns on the unit dashboard, labelled as company-level numbers', async () => {
    const { page } = admin;
    await page.goto('/dashboard?period=2026-11');
    await page.getByTestId('dashboard-unit-MA').click();
    const row = page.getByTestId('dashboard-units').locator('tr.ant-table-row', { has: page.getByTestId('dashboard-unit-MKT') });
    await row.waitFor();
    // Unit, score, rolled score, KPI count: LEADS, WEB_TRAFFIC, BRAND_AWARENESS, RESPONSE_EMAIL/ZALO/FACEBOOK, COST_PER_LEAD.
    expect(await textOf(row.locator('td').nth(4))).toBe('7');
    await page.getByTestId('dashboard-unit-MKT').click();
    const kpis = page.getByTestId('dashboard-unit-kpis').locator('tbody tr.ant-table-row');
    await kpis.first().waitFor();
    await expect.poll(() => kpis.count()).toBe(7);
    expect(await textOf(page.getByTestId('company-level-LEADS'))).toBe('cấp công ty');
    await shots(page, 'dashboard-owned-vi', 'dashboard-current');
    await chooseLanguage(page, 'EN');
    expect(await textOf(page.getByTestId('company-level-LEADS'))).toBe('company level');
    await shots(page, 'dashboard-owned-en', 'dashboard-current');
    await chooseLanguage(page, 'VI');
  });

  it('proposes "Trung bình" for a % KPI and warns on a sum of percentages', async () => {
    const { page } = admin;
    await page.goto('/kpis/new');
    await page.getByTestId('kpi-form-page').waitFor();
    const aggregation = page.getByTestId('section-measurement').locator('.ant-form-item', { has: page.getByTestId('kpi-aggregation') });
    await expect.poll(() => textOf(aggregation.locator('.ant-select-content, .ant-select-selection-item').first())).toBe('Tổng');
    await pickOption(page, 'kpi-unit', 'Phần trăm (%)');
    // The form proposes it on the next render: poll instead of reading once (a busy machine renders late).
    await expect.poll(() => textOf(aggregation.locator('.ant-select-content, .ant-select-selection-item').first())).toBe('Trung bình');
    expect(await page.getByTestId('kpi-aggregation-warning').count()).toBe(0);
    // Choosing "Tổng" on purpose is allowed, with a warning.
    await pickOption(page, 'kpi-aggregation', 'Tổng');
    expect(await textOf(page.getByTestId('kpi-aggregation-warning'))).toContain('Cộng dồn các tỷ lệ %');
    expect(admin.unexpectedErrors()).toEqual([]);
  });
});

describe("the employee's own target comes first", () => {
  let w: WatchedPage;

  beforeAll(async () => {
    const [khoa] = await store.people.findByEmails([DEMO.employee]);
    const api = await as(DEMO.admin);
    // The 36 tỷ share of the year's revenue cascaded to Vũ Đình Khoa.
    const res = await api.put('/api/kpis/REVENUE/targets', { scope: { type: 'person', id: khoa!.id }, targets: [{ period: '2026', value: 36 * B }] });
    if (res.statusCode !== 200) throw new Error(res.body);
    w = await openPage(browser, url);
    await w.page.clock.setFixedTime(NOW);
    await login(w.page, DEMO.employee);
  });

  it('lists his personal revenue target on the home page with what is still needed', async () => {
    const { page } = w;
    const row = page.getByTestId('my-row-REVENUE-person');
    await row.waitFor();
    expect(await textOf(page.getByTestId('my-kpis'))).toContain('Chỉ tiêu cá nhân');
    // The row shows before its numbers arrive (scorecards of the month and the year): poll until they do.
    await expect.poll(() => textOf(page.getByTestId('my-target-REVENUE').first())).toBe('36.000.000.000 ₫');
    await expect.poll(() => textOf(page.getByTestId('my-in-progress-REVENUE').first())).toBe('Đang diễn ra');
    // Nothing reported yet: not "behind", just no check-in.
    await expect.poll(() => textOf(page.getByTestId('my-pace-REVENUE').first())).toBe('Chưa báo cáo');
    await expect.poll(() => textOf(page.getByTestId('my-needed-REVENUE').first())).toContain('36.000.000.000 ₫');
    await shots(page, 'home-personal-target-vi', 'my-kpis');
    await chooseLanguage(page, 'EN');
    await expect.poll(() => textOf(page.getByTestId('my-pace-REVENUE').first())).toBe('No check-in yet');
    await shots(page, 'home-personal-target-en', 'my-kpis');
    await chooseLanguage(page, 'VI');
  });

  it('opens the results tab on "Tôi (Vũ Đình Khoa)" and checks in to his own scope', async () => {
    const { page } = w;
    await page.getByTestId('my-kpi-REVENUE').first().click();
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    const kind = page.getByTestId('results-scope-kind');
    await kind.waitFor();
    expect(await textOf(kind.locator('.ant-segmented-item-selected'))).toBe('Tôi (Vũ Đình Khoa)');
    expect(await textOf(kind.locator('.ant-segmented-item').first())).toBe('Tôi (Vũ Đình Khoa)');
    await page.getByTestId('checkin-form').waitFor();
    await page.getByTestId('checkin-value').fill('3000000000');
    await page.getByTestId('checkin-save').click();
    await page.getByTestId('history-value-2026-12').waitFor();
    expect(await textOf(page.getByTestId('history-value-2026-12'))).toBe('3.000.000.000 ₫');
    await shots(page, 'results-personal-vi', 'kpi-results');

    // Stored at his person scope, not the company's.
    const [khoa] = await store.people.findByEmails([DEMO.employee]);
    const mine = await store.actuals.list({ kpiIds: [(await store.kpis.findByCode('REVENUE'))!.id], scope: { type: 'person', id: khoa!.id } });
    expect(mine.map((a) => [a.period, a.value])).toEqual([['2026-12', 3 * B]]);
    const company = await store.actuals.list({ kpiIds: [(await store.kpis.findByCode('REVENUE'))!.id], scope: { type: 'company', id: null }, from: '2026-12-01' });
    expect(company.map((a) => a.value)).toEqual([4.2 * B]);

    // Home: 36 − 3 = 33 tỷ still needed this year.
    await page.goto('/');
    await page.getByTestId('my-row-REVENUE-person').waitFor();
    await page.getByTestId('my-needed-REVENUE').first().filter({ hasText: '33.000.000.000' }).waitFor();
    expect(w.unexpectedErrors()).toEqual([]);
  });
});
