import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server';
import { DEMO, ensureWebBuild, launchBrowser, login, openPage, type WatchedPage } from './browser';

let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface UnitRow {
  id: number;
  code: string;
}

const navTexts = (w: WatchedPage) => w.page.getByTestId('side-nav').locator('.ant-menu-item').allTextContents();

describe('employee: sees only their own data', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(browser, server.url);
    await login(w.page, DEMO.employee);
  });

  it('greets the employee with their role and unit, and hides admin navigation', async () => {
    const home = w.page.getByTestId('home-page');
    await home.getByText('Nhóm Kinh doanh Miền Bắc').waitFor();
    const text = await home.textContent();
    expect(text).toContain('Xin chào, Vũ Đình Khoa!');
    expect(text).toContain('Nhân viên');
    // No admin pages (company settings, API tokens, audit log) and no import for employees.
    expect(await navTexts(w)).toEqual(['Tổng quan', 'Sơ đồ tổ chức', 'Thư viện KPI', 'Thử cách chấm điểm', 'Bản đồ chiến lược', 'Đánh giá của tôi', 'Bảng điều khiển', 'Phân tích không đạt', 'Lịch đo lường', 'Báo cáo', 'Marketing']);
  });

  it('lists only the employee in the org chart, without write actions', async () => {
    const { page } = w;
    await page.getByTestId('side-nav').getByText('Sơ đồ tổ chức', { exact: true }).click();
    const rows = page.getByTestId('people-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').first().textContent()).toBe('Vũ Đình Khoa');
    expect(await page.getByTestId('person-add').count()).toBe(0);
    expect(await page.getByTestId('unit-add').count()).toBe(0);
  });

  it('is refused (403, no data) when asking for another unit from the page', async () => {
    const result = await w.page.evaluate(async () => {
      const units = ((await (await fetch('/api/org-units')).json()) as { items: UnitRow[] }).items;
      const other = units.find((u) => u.code === 'MKT');
      const res = await fetch(`/api/people?unitId=${other?.id ?? 0}`, { headers: { 'Accept-Language': 'vi' } });
      return { found: other !== undefined, status: res.status, body: (await res.json()) as Record<string, unknown> };
    });
    expect(result.found).toBe(true);
    expect(result.status).toBe(403);
    expect(result.body).not.toHaveProperty('items');
    expect(result.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('is sent home from admin pages typed into the address bar', async () => {
    const { page } = w;
    await page.goto('/audit');
    await page.getByTestId('home-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto('/settings/company');
    await page.getByTestId('home-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('produced no console errors besides the 403 it asked for', () => {
    expect(w.unexpectedErrors([[403, '/api/people']])).toEqual([]);
  });
});

describe('manager: works inside their unit subtree', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(browser, server.url);
    await login(w.page, DEMO.manager);
  });

  it('sees the shared pages and the import, but no admin pages', async () => {
    await w.page.getByTestId('home-unit').getByText('Phòng Kinh doanh').waitFor();
    expect(await navTexts(w)).toEqual([
      'Tổng quan',
      'Sơ đồ tổ chức',
      'Thư viện KPI',
      'Thử cách chấm điểm',
      'Bản đồ chiến lược',
      'Đánh giá của tôi',
      'Đánh giá nhân sự',
      'Bảng điều khiển',
      'Nhập số liệu',
      'Phân tích không đạt',
      'Lịch đo lường',
      'Báo cáo',
      'Marketing',
      'Dữ liệu kinh doanh',
    ]);
  });

  it('sees the sales department people and cannot open other units', async () => {
    const { page } = w;
    await page.getByTestId('side-nav').getByText('Sơ đồ tổ chức', { exact: true }).click();
    await page.getByTestId('unit-KD').click();
    const table = page.getByTestId('people-table');
    await page.getByText('Nhân sự – Phòng Kinh doanh').waitFor();
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const units = await table.locator('tbody tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.startsWith('Phòng Kinh doanh') || u.startsWith('Nhóm Kinh doanh'))).toBe(true);
    // Marketing is outside the subtree: not selectable in the tree.
    await page.getByTestId('unit-MKT').click();
    await page.getByText('Nhân sự – Phòng Kinh doanh').waitFor();
    expect(await page.getByText('Nhân sự – Phòng Marketing').count()).toBe(0);
  });

  it('searches people by name', async () => {
    const { page } = w;
    await page.getByTestId('people-search').locator('input').fill('Hoàng Thị Lan');
    await page.getByTestId('people-search').locator('input').press('Enter');
    const rows = page.getByTestId('people-table').locator('tbody tr.ant-table-row');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="people-table"] tbody tr.ant-table-row').length === 1);
    expect(await rows.first().locator('td').first().textContent()).toBe('Hoàng Thị Lan');
  });

  it('sees edit and archive only on KPIs his units own (the permission table, as the server enforces it)', async () => {
    const { page } = w;
    await page.goto('/kpis/WEB_TRAFFIC');
    await page.getByTestId('kpi-owner-name').waitFor();
    expect(await page.getByTestId('kpi-edit').count()).toBe(0);
    expect(await page.getByTestId('kpi-archive').count()).toBe(0);
    await page.goto('/kpis/SALES_MB_REVENUE');
    await page.getByTestId('kpi-edit').waitFor();
    expect(await page.getByTestId('kpi-archive').count()).toBe(1);
  });

  it('produced no console errors', () => {
    expect(w.unexpectedErrors()).toEqual([]);
  });
});

describe('viewer: reads, never writes', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(browser, server.url);
    await login(w.page, DEMO.viewer);
  });

  it('sees no check-in form on the KPI he owns, and no edit or archive', async () => {
    const { page } = w;
    await page.goto('/kpis/REVENUE');
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    await page.getByTestId('results-chart-period').waitFor();
    await page.getByTestId('kpi-results').waitFor();
    expect(await page.getByTestId('checkin-form').count()).toBe(0);
    expect(await page.getByTestId('kpi-edit').count()).toBe(0);
    expect(await page.getByTestId('kpi-archive').count()).toBe(0);
  });

  it('has no import in the navigation', async () => {
    expect(await navTexts(w)).not.toContain('Nhập số liệu');
  });

  it('produced no console errors', () => {
    expect(w.unexpectedErrors()).toEqual([]);
  });
});
