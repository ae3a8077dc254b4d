import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiWrite } from '../../src/app/actuals/test-fixtures';
import type { Store } from '../../src/app/ports';
import { ApiClient } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { chooseLanguage, DEMO, ensureWebBuild, launchBrowser, login, openPage, ROOT, screenshot, type WatchedPage } from './browser';

// The server's clock stands still on 20/03/2026 10:00 (Hà Nội), so pace and "late" tags do not drift.
const NOW = new Date('2026-03-20T03:00:00Z');

let app: FastifyInstance;
let store: Store;
let close: () => Promise<void>;
let browser: Browser;
let admin: WatchedPage;
let url: string;

const as = (email: string): Promise<ApiClient> => ApiClient.signedIn(app, email);

async function seedResults(): Promise<void> {
  const units = await store.units.list();
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  const [employee] = await store.people.findByEmails([DEMO.employee]);
  // A KPI the employee owns, with a March target of 400 calls.
  const calls = await store.kpis.create(
    kpiWrite('CUSTOMER_CALLS', { name: 'Số cuộc gọi chăm sóc khách hàng', nameEn: 'Customer care calls', unit: 'count', ownerId: employee!.id, perspective: 'customer' }),
  );
  const march = { period: '2026-03', kind: 'month', start: '2026-03-01', end: '2026-03-31' };
  const kpiId = async (code: string) => (await store.kpis.findByCode(code))!.id;
  await store.targets.upsert([
    { kpiId: calls, ...march, scope: { type: 'company', id: null }, value: 400 },
    { kpiId: await kpiId('SALES_MB_REVENUE'), ...march, scope: { type: 'unit', id: unitId('KD-MB') }, value: 9.5e9 },
    { kpiId: await kpiId('SALES_MN_REVENUE'), ...march, scope: { type: 'unit', id: unitId('KD-MN') }, value: 8.5e9 },
  ]);
  const api = await as(DEMO.admin);
  const checkIns: [string, string, Record<string, unknown>][] = [
    ['REVENUE', '2026-01', { value: 21e9, comment: 'Theo sổ cái tháng 1' }],
    ['REVENUE', '2026-02', { value: 17.2e9 }],
    ['GROSS_PROFIT', '2026-03', { value: 4.6e9 }],
    ['SALES_MB_REVENUE', '2026-03', { value: 10.1e9 }],
    ['SALES_MN_REVENUE', '2026-03', { value: 6.9e9 }],
    ['SALES_MB_REVENUE', '2026-03', { value: 10.1e9, scope: { type: 'unit', id: unitId('KD-MB') } }],
    ['SALES_MN_REVENUE', '2026-03', { value: 6.9e9, scope: { type: 'unit', id: unitId('KD-MN') } }],
    ['ORDERS', '2026-03', { value: 236 }],
    ['LEADS', '2026-03', { value: 1040 }],
    ['WEB_TRAFFIC', '2026-03', { value: 46200 }],
    ['RESPONSE_ZALO', '2026-03', { numerator: 81, denominator: 1000 }],
    ['RESPONSE_EMAIL', '2026-03', { numerator: 38, denominator: 1000 }],
    ['COST_PER_LEAD', '2026-03', { numerator: 215e6, denominator: 1040 }],
    ['DSO', '2026-03', { value: 41 }],
    ['MARKET_SHARE', '2026-Q1', { value: 0.083 }],
    ['TRAINING_HOURS', '2026-Q1', { value: 5.5 }],
  ];
  for (const [code, period, body] of checkIns) {
    const res = await api.post(`/api/kpis/${code}/checkins`, { period, ...body });
    if (res.statusCode !== 200) throw new Error(`${code} ${period}: ${res.body}`);
  }
}

beforeAll(async () => {
  ensureWebBuild();
  // The demo's history runs up to the month before NOW; the server's clock stands at NOW.
  const server = await startTestServer({ now: NOW });
  ({ app, store, url, close } = server);
  await seedResults();
  browser = await launchBrowser();
  admin = await openPage(browser, url);
});

afterAll(async () => {
  await browser?.close();
  await close?.();
});

/** Text with no-break spaces (Intl puts one before ₫) turned into plain spaces. */
const textOf = async (l: { textContent(): Promise<string | null> }) => ((await l.textContent()) ?? '').replace(/\u00a0/g, ' ');

const pointsOf = async (w: WatchedPage, mode: 'period' | 'ytd') =>
  JSON.parse((await w.page.getByTestId(`results-chart-${mode}`).getAttribute('data-points')) ?? '[]') as { period: string; actual: number | null; target: number | null }[];

async function openResults(w: WatchedPage, code: string) {
  await w.page.goto(`/kpis/${code}`);
  await w.page.getByRole('tab', { name: 'Kết quả' }).click();
  await w.page.getByTestId('results-chart-period').waitFor();
}

describe('results: check-in, chart, strategy map, dashboard, tokens', () => {
  it('enters a check-in with evidence and sees it in the history and the chart', async () => {
    const { page } = admin;
    await login(page, DEMO.admin);
    await openResults(admin, 'REVENUE');
    // The history already holds January and February (seeded through the API).
    expect(await textOf(page.getByTestId('history-value-2026-01'))).toBe('21.000.000.000 ₫');

    const form = page.getByTestId('checkin-form');
    // Today is 20/03/2026, so the form opens on March.
    expect(await form.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toContain('Tháng 03/2026');
    await page.getByTestId('checkin-value').fill('19500000000');
    expect(await page.getByTestId('checkin-value').inputValue()).toBe('19.500.000.000');
    await page.getByTestId('checkin-comment').fill('Số liệu tạm tính đến 20/03');
    await form.locator('input[type=file]').setInputFiles({ name: 'so-cai-thang-3.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%minh chứng\n') });
    await page.getByTestId('checkin-save').click();

    await page.getByTestId('history-value-2026-03').waitFor();
    expect(await textOf(page.getByTestId('history-value-2026-03'))).toBe('19.500.000.000 ₫');
    await page.getByTestId('evidence-link').filter({ hasText: 'so-cai-thang-3.pdf' }).waitFor();
    // The chart has its own query (the series), which may come back after the history's.
    const march = async () => (await pointsOf(admin, 'period')).find((p) => p.period === '2026-03');
    // March is in progress on 20 March: 20 tỷ × 20/31 = 12,903 tỷ expected by today; 19,5 ÷ 12,903 = 151,1 %.
    await expect.poll(march).toMatchObject({ period: '2026-03', actual: 19.5e9, target: 20e9, achievement: '151,1%', inProgress: true, status: 'green' });
    // Year to date through March: 21 + 17,2 + 19,5 = 57,7 tỷ against 20 + 20 + 12,903 = 52,903 tỷ expected by today.
    const ytd = (await pointsOf(admin, 'ytd')).find((p) => p.period === '2026-03');
    expect(ytd).toMatchObject({ actual: 57.7e9 });
    expect(ytd!.target!).toBeCloseTo(40e9 + (20e9 * 20) / 31, 0);
    expect(await textOf(page.getByTestId('results-ytd'))).toContain('57.700.000.000 ₫ / 52.903.225.806 ₫');
    // Pace of March: 19,5 tỷ of 20 tỷ reported, 0,5 tỷ still needed.
    expect(await textOf(page.getByTestId('pace-period-needed'))).toContain('500.000.000 ₫');

    // The evidence downloads with its name.
    const href = await page.getByTestId('evidence-link').first().getAttribute('href');
    const download = await page.evaluate(async (h) => {
      const r = await fetch(h!);
      return { status: r.status, disposition: r.headers.get('content-disposition'), body: await r.text() };
    }, href);
    expect(download.status).toBe(200);
    expect(download.disposition).toContain('so-cai-thang-3.pdf');
    expect(download.body.startsWith('%PDF-1.7')).toBe(true);
    await screenshot(page, 'results-kpi-tab-vi');
    // The lower half: pace, the check-in form and the history.
    await page.getByTestId('results-pace').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 120));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'results-kpi-checkin-vi.png') });
  });

  it('keeps every version of a corrected check-in', async () => {
    const { page } = admin;
    await page.getByTestId('checkin-value').fill('20500000000');
    await page.getByTestId('checkin-save').click();
    await page.getByTestId('history-value-2026-03').filter({ hasText: /20\.500\.000\.000/ }).waitFor();
    await page.getByTestId('versions-2026-03').click();
    const rows = page.getByTestId('versions-table').locator('tbody tr.ant-table-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const text = await textOf(page.getByTestId('versions-table'));
    expect(text).toContain('19.500.000.000 ₫');
    expect(text).toContain('20.500.000.000 ₫');
    await page.keyboard.press('Escape');
    await page.getByTestId('versions-2026-03').click();
  });

  it('shows the new value on the strategy map', async () => {
    const { page } = admin;
    await page.getByTestId('side-nav').getByText('Bản đồ chiến lược', { exact: true }).click();
    await page.getByTestId('strategy-page').waitFor();
    // The nav opens on the current month of the browser; the address picks March 2026.
    await page.goto('/strategy?period=2026-03');
    const node = page.getByTestId('map-root-REVENUE').getByTestId('map-node-REVENUE');
    await node.waitFor();
    expect(await node.getAttribute('data-actual')).toBe(String(20.5e9));
    // March is in progress on 20 March: 20,5 tỷ against 20 × 20/31 = 12,903 tỷ expected → 158,9% → green.
    expect(await page.getByTestId('map-achievement-REVENUE').first().textContent()).toBe('158,9%');
    expect(await node.getAttribute('data-status')).toBe('green');
    expect(await page.getByTestId('map-node-SALES_MB_REVENUE').first().getAttribute('data-status')).toBe('green');
    await screenshot(page, 'strategy-map-vi');

    await node.click();
    await page.waitForURL(/\/kpis\/REVENUE$/);
  });

  it('shows the strategy map in English for a quarter', async () => {
    const { page } = admin;
    await chooseLanguage(page, 'EN');
    await page.getByTestId('side-nav').getByText('Strategy map', { exact: true }).waitFor();
    await page.goto('/strategy?period=2026-Q1');
    await page.getByTestId('map-node-REVENUE').first().waitFor();
    expect(await page.getByTestId('strategy-page').textContent()).toContain('Q1 2026');
    await screenshot(page, 'strategy-map-en');
    await chooseLanguage(page, 'VI');
    await page.getByTestId('side-nav').getByText('Bản đồ chiến lược', { exact: true }).waitFor();
  });

  it('drills down the unit dashboard', async () => {
    const { page } = admin;
    await page.goto('/dashboard?period=2026-03');
    await page.getByTestId('dashboard-unit-MA').click();
    await page.getByTestId('dashboard-unit-KD').click();
    const mb = page.getByTestId('dashboard-units').locator('tbody tr', { has: page.getByTestId('dashboard-unit-KD-MB') });
    await mb.waitFor();
    // March is in progress on 20 March (20 of 31 days): KD-MB 10,1 tỷ of 9,5 × 20/31 = 6,129 tỷ expected = 164,8%,
    // KD-MN 6,9 of 8,5 × 20/31 = 5,484 tỷ = 125,8%: both scores capped at 120%.
    expect(await mb.textContent()).toContain('120%');
    const mn = page.getByTestId('dashboard-units').locator('tbody tr', { has: page.getByTestId('dashboard-unit-KD-MN') });
    expect(await mn.textContent()).toContain('120%');
    expect(await page.getByTestId('dashboard-breadcrumb').textContent()).toContain('Phòng Kinh doanh');
    await mb.locator('.ant-table-row-expand-icon').click();
    await page.getByText('Doanh thu Nhóm Kinh doanh Miền Bắc').waitFor();
    await screenshot(page, 'dashboard-units-vi');
  });

  it('creates an API token, shows it once, and revokes it', async () => {
    const { page } = admin;
    await page.getByTestId('side-nav').getByText('API token', { exact: true }).click();
    await page.getByTestId('token-new').click();
    await page.getByTestId('token-name').fill('Đồng bộ phần mềm kế toán');
    await page.getByTestId('token-kpis').click();
    await page.keyboard.type('REVENUE');
    await page.locator('.ant-select-dropdown:visible').getByTitle('REVENUE – Doanh thu thuần', { exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('token-create-ok').click();
    const secret = await page.getByTestId('token-secret').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    const row = page.getByTestId('tokens-table').locator('tbody tr', { hasText: 'Đồng bộ phần mềm kế toán' });
    await row.waitFor();
    expect(await row.textContent()).toContain('REVENUE');

    // An integration pushes actuals with the token (no browser session).
    const push = await fetch(`${url}/api/v1/actuals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'idempotency-key': 'e2e-push-1' },
      body: JSON.stringify({ actuals: [{ kpi: 'REVENUE', period: '2026-02', value: 17.4e9 }] }),
    });
    expect(push.status, await push.clone().text()).toBe(200);
    await screenshot(page, 'results-api-tokens');

    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByTestId('token-revoke-ok').click();
    await row.getByText('Đã thu hồi').waitFor();
  });

  it('logged no console errors on any page', () => {
    expect(admin.unexpectedErrors()).toEqual([]);
  });
});

describe('results: the employee follows their own KPIs', () => {
  let emp: WatchedPage;
  beforeAll(async () => {
    emp = await openPage(browser, url);
  });

  it('sees their KPI on the home page, checks in, and sees what is still needed', async () => {
    const { page } = emp;
    await login(page, DEMO.employee);
    const mine = page.getByTestId('my-kpis');
    await mine.getByTestId('my-kpi-CUSTOMER_CALLS').waitFor();
    expect(await mine.textContent()).toContain('Người chịu trách nhiệm');

    await mine.getByTestId('my-kpi-CUSTOMER_CALLS').click();
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    await page.getByTestId('checkin-value').fill('300');
    await page.getByTestId('checkin-save').click();
    await page.getByTestId('history-value-2026-03').waitFor();
    expect(await page.getByTestId('history-value-2026-03').textContent()).toBe('300');

    await page.getByTestId('side-nav').getByText('Tổng quan', { exact: true }).click();
    // Target 400, reported 300: 100 still needed this month.
    const needed = page.getByTestId('my-needed-CUSTOMER_CALLS');
    await needed.waitFor();
    // The home page shows its cached numbers (400 still needed) until they are fetched again.
    await expect.poll(() => needed.textContent()).toMatch(/^100/);
    await screenshot(page, 'results-home-mine');
  });

  it('does not offer the import or token pages to an employee', async () => {
    const { page } = emp;
    const nav = await page.getByTestId('side-nav').textContent();
    expect(nav).not.toContain('Nhập số liệu');
    expect(nav).not.toContain('API token');
    await page.goto('/strategy?period=2026-03');
    await page.getByTestId('map-node-REVENUE').first().waitFor();
    await page.goto('/dashboard?period=2026-03');
    await page.getByTestId('dashboard-page').waitFor();
    expect(emp.unexpectedErrors()).toEqual([]);
  });
});
