import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import type { TestServer } from '../helpers/server';
import { localDate, periodContaining, shiftPeriod } from '../../src/core/period';
import { chooseLanguage, DEMO, DEMO_PASSWORD, login, screenshot, SCREENSHOTS, useBrowserSession, type WatchedPage } from './browser';

let w: WatchedPage;
/** useBrowserSession starts a TestServer; its app takes in-process requests for the setup. */
let server: TestServer;
useBrowserSession((s) => {
  w = s.w;
  server = s.server as TestServer;
});

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

interface OverviewBody {
  lateReports: { count: number; items: { kpiCode: string }[] };
  unallocatedTargets: { count: number; items: { kpiCode: string }[] };
}

async function noSidewaysScroll() {
  const over = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(over).toBeLessThanOrEqual(0);
}

/** The card's number and its first item's link, as the server counted them for this reader. */
async function expectCard(testId: string, list: { count: number; items: { kpiCode: string }[] }) {
  const card = w.page.getByTestId(testId);
  await card.getByTestId(`${testId}-count`).waitFor();
  const shown = (await card.getByTestId(`${testId}-count`).locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, '');
  expect(shown).toBe(String(list.count));
  if (list.items.length > 0) {
    expect(await card.locator('a').first().getAttribute('href')).toBe(`/kpis/${list.items[0]!.kpiCode}`);
  }
}

async function shoot(name: string) {
  await w.page.setViewportSize(PHONE);
  await w.page.waitForTimeout(300);
  await noSidewaysScroll();
  await screenshot(w.page, `${name}-390`);
  // The two cards themselves on a phone (the screenshot above starts from the top of the page).
  await w.page.getByTestId('overview-late').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await w.page.waitForTimeout(300);
  await w.page.screenshot({ path: join(SCREENSHOTS, `${name.replace('home-admin', 'home-admin-attention')}-390.png`) });
  await w.page.setViewportSize(WIDE);
  await screenshot(w.page, `${name}-1366`);
}

/** Test KPIs owned in Marketing: one month two months back with no report, and a 2026 target of 100 split 40 + 50. */
async function addLateReportAndGap() {
  const admin = await ApiClient.create(server.app);
  expect((await admin.post('/api/auth/login', { email: DEMO.admin, password: DEMO_PASSWORD })).statusCode).toBe(200);
  const people = (await admin.get('/api/people?limit=200')).json().items as { id: number; email: string }[];
  const units = (await admin.get('/api/org-units')).json().items as { id: number; code: string }[];
  const owner = people.find((p) => p.email === 'truong.mkt@minhan.vn')!.id;
  const month = shiftPeriod(periodContaining(localDate(new Date(), 'Asia/Ho_Chi_Minh'), 'month'), -2).key;
  const kpi = (code: string, name: string, targets: { period: string; value: number }[]) => ({
    code, name, nameEn: name, level: 'operational', perspective: 'customer', unit: 'count', direction: 'increase', aggregation: 'sum',
    frequency: 'monthly', source: 'manual', ownerId: owner, measurerId: owner, reportWithinDays: 5, baseline: null, parents: [], tags: [], status: 'draft', targets,
  });
  expect((await admin.post('/api/kpis', kpi('LATE_DEMO', 'Số sự kiện tổ chức', [{ period: month, value: 4 }]))).statusCode).toBe(201);
  expect((await admin.post('/api/kpis', kpi('GAP_DEMO', 'Số đối tác mới', [{ period: '2026', value: 100 }]))).statusCode).toBe(201);
  for (const [code, value] of [['MKT', 40], ['NS', 50]] as const) {
    const scope = { type: 'unit', id: units.find((u) => u.code === code)!.id };
    expect((await admin.put('/api/kpis/GAP_DEMO/targets', { scope, targets: [{ period: '2026', value }] })).statusCode).toBe(200);
  }
}

describe('home overview in the browser', () => {
  it('shows the admin the late reports and targets not fully allocated, linking to the KPIs, in vi and en', async () => {
    const { page } = w;
    await addLateReportAndGap();
    await page.setViewportSize(WIDE);
    await login(page, DEMO.admin);
    await page.getByTestId('overview').waitFor();
    const body = (await (await page.request.get(`${server.url}/api/overview`)).json()) as OverviewBody;
    await expectCard('overview-late', body.lateReports);
    await expectCard('overview-unallocated', body.unallocatedTargets);
    expect(body.lateReports.items.map((i) => i.kpiCode)).toContain('LATE_DEMO');
    await page.getByTestId('overview-late').locator('a[href="/kpis/LATE_DEMO"]').waitFor();
    // 100 − (40 + 50) = 10 left of 100.
    await page.getByTestId('overview-unallocated').getByText('còn 10 / 100 chưa phân bổ', { exact: false }).waitFor();
    const text = await page.getByTestId('overview').textContent();
    expect(text).toContain('Báo cáo trễ hạn');
    expect(text).toContain('Chỉ tiêu chưa phân bổ hết');
    expect(text).toMatch(/Toàn công ty · Tháng \d{2}\/\d{4}/);
    await shoot('home-admin-vi');

    await chooseLanguage(page, 'EN');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('overview').getByText('Targets not fully allocated').waitFor();
    expect(await page.getByTestId('overview').textContent()).toMatch(/Whole company · [A-Z][a-z]{2} \d{4}/);
    await shoot('home-admin-en');
    await chooseLanguage(page, 'VI');
    expect(w.unexpectedErrors()).toEqual([]);
  });
});
