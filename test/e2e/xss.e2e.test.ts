import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualKpiBody } from '../helpers/kpi-body';
import { ApiClient } from '../helpers/api';
import { multipartFile } from '../helpers/multipart';
import { startTestServer, type TestServer } from '../helpers/server';
import { DEMO, ensureWebBuild, launchBrowser, login, openPage, type WatchedPage } from './browser';

// Each value is stored through the API as a user could, then must come back on the page as plain text.
const UNIT_NAME = 'XSS unit <img src=x onerror=alert("unit")>';
const PERSON_NAME = 'XSS người "><svg onload=alert("person")>';
const KPI_NAME = 'XSS KPI "><script>alert("kpi")</script>';
const COMMENT = 'javascript:alert("comment") <img src=x onerror=alert("comment")>';
const FILE_NAME = '<img src=x onerror=alert(1)>.pdf';
const KPI_CODE = 'XSS_KPI';

/** Elements a payload would have created had it been parsed as HTML; none of them belongs to the app. */
const injectedElements = (page: Page) =>
  page.evaluate(() => {
    const found = [...document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]')].map((e) => e.outerHTML);
    const scripts = [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('alert')).map((s) => s.outerHTML);
    return [...found, ...scripts];
  });

describe('script payloads in names, comments and file names are shown as text', () => {
  let server: TestServer;
  let browser: Browser;
  let w: WatchedPage;
  const dialogs: string[] = [];
  let storedFileName = '';

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer({ now: new Date('2026-03-20T03:00:00Z') });
    const admin = await ApiClient.signedIn(server.app, DEMO.admin);
    const ok = (res: { statusCode: number; body: string }, what: string) => {
      if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
      return JSON.parse(res.body) as Record<string, unknown>;
    };
    const unit = ok(await admin.post('/api/org-units', { code: 'XSS', name: UNIT_NAME, parentId: null }), 'unit');
    const person = ok(await admin.post('/api/people', { fullName: PERSON_NAME, unitId: unit.id }), 'person');
    ok(await admin.post('/api/kpis', manualKpiBody(KPI_CODE, KPI_NAME, person.id as number, { targets: [{ period: '2026', value: 12000 }] })), 'kpi');
    const actual = ok(await admin.post(`/api/kpis/${KPI_CODE}/checkins`, { period: '2026-02', value: 1000, comment: COMMENT }), 'check-in');
    const upload = multipartFile('file', FILE_NAME, '%PDF-1.7\n%%EOF\n', 'application/pdf');
    const evidence = ok(await admin.request({ method: 'POST', url: `/api/actuals/${actual.id}/evidence`, ...upload }), 'evidence');
    storedFileName = evidence.fileName as string;
    browser = await launchBrowser();
    w = await openPage(browser, server.url);
    w.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await login(w.page, DEMO.admin);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the evidence file name free of path parts and still shows its brackets literally', () => {
    expect(storedFileName).not.toMatch(/[/\\]/);
    expect(storedFileName.length).toBeGreaterThan(0);
  });

  it('shows a unit and a person name with markup as text on the org chart', async () => {
    const { page } = w;
    await page.goto('/org');
    await page.getByTestId('unit-XSS').waitFor();
    expect(await page.getByTestId('unit-XSS').textContent()).toContain(UNIT_NAME);
    await page.getByTestId('unit-XSS').click();
    await page.getByTestId('people-table').getByText(PERSON_NAME).first().waitFor();
    expect(await injectedElements(page)).toEqual([]);
  });

  it('shows a KPI name with a script tag as text in the library and on its page', async () => {
    const { page } = w;
    await page.goto('/kpis');
    // The library holds more KPIs than one page: search for the one with the payload (the search is text too).
    await page.getByTestId('kpi-search').locator('input').fill('XSS KPI');
    await page.getByTestId('kpi-search').locator('input').press('Enter');
    await page.getByTestId(`kpi-link-${KPI_CODE}`).waitFor();
    await page.getByTestId('kpi-table').getByText(KPI_NAME).first().waitFor();
    expect(await injectedElements(page)).toEqual([]);
    await page.goto(`/kpis/${KPI_CODE}`);
    await page.getByText(KPI_NAME).first().waitFor();
    expect(await injectedElements(page)).toEqual([]);
  });

  it('shows a check-in comment and an evidence file name as text in the history', async () => {
    const { page } = w;
    await page.goto(`/kpis/${KPI_CODE}`);
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    const link = page.getByTestId('evidence-link').first();
    await link.waitFor();
    expect(await link.textContent()).toContain(storedFileName);
    // The link goes to the download route by id, never to anything taken from the name.
    expect(await link.getAttribute('href')).toMatch(/^\/api\/evidence\/\d+$/);
    await page.getByText(COMMENT).first().waitFor();
    expect(await injectedElements(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(w.unexpectedErrors()).toEqual([]);
    // The detector itself: the same payload parsed as HTML is found (its handler is blocked by the CSP).
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), COMMENT);
    expect(await injectedElements(page)).toHaveLength(1);
  });

  it('sends the browser back to the login page once the server has ended its session', async () => {
    const { page } = w;
    await page.goto('/kpis');
    await page.getByTestId('kpi-table').waitFor();
    // The session ends on the server (as after 30 minutes unused): a logout with the browser's own cookies.
    const cookies = Object.fromEntries((await page.context().cookies()).map((c) => [c.name, c.value]));
    const cookie = `okpi_session=${cookies.okpi_session}; _csrf=${cookies._csrf}`;
    const token = (await server.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie } })).json().token as string;
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': token } })).statusCode).toBe(200);
    // The next page the app loads by itself gets 401 and shows the login form instead of errors.
    await page.getByTestId('side-nav').getByText('Bản đồ chiến lược', { exact: true }).click();
    await page.getByTestId('login-email').waitFor();
  });
});
