import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiWrite } from '../../src/app/actuals/test-fixtures';
import { ApiClient } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { chooseLanguage, DEMO, ensureWebBuild, horizontalOverflow, launchBrowser, login, openPage, screenshot, SCREENSHOTS, type WatchedPage } from './browser';

/**
 * Issue 11, acceptance: one evaluation cycle through three people in Chromium. The manager assigns a sheet
 * template to a team and proposes a target → the employee counter-proposes → the manager accepts → the employee
 * checks in and self-assesses → the manager reviews with a differing rating and a comment → the admin locks and
 * publishes → the employee sees score and grade → a later edit gets the CYCLE_LOCKED message.
 */

// The server's clock stands on 20/03/2026 10:00 (Hà Nội): the cycle is March 2026, two thirds gone.
const NOW = new Date('2026-03-20T03:00:00Z');
const KPI = 'E2E_PERSONAL_SALES';
const LEVELS = [
  { vi: 'Thường xuyên trễ hạn', en: 'Often late' },
  { vi: 'Hay trễ hạn', en: 'Late at times' },
  { vi: 'Đôi khi trễ', en: 'Now and then late' },
  { vi: 'Đúng hạn', en: 'On time' },
  { vi: 'Luôn đúng hạn, còn sớm', en: 'Always on time, often early' },
];

// Worked by hand from the values the test enters:
//   target agreed 450.000.000 ₫ (the employee's counter-proposal), actual 405.000.000 ₫ → achievement 0,9
//   output   = 0,9 (one KPI item, weight 100)
//   behavior = manager rating 4 of 5 = 0,8 (the manager's rating scores; the self rating was 5)
//   final    = 0,6 × 0,9 + 0,4 × 0,8 = 0,54 + 0,32 = 0,86 → grade C (0,80 ≤ 0,86 < 0,95)
const TARGET = 450_000_000;
const ACTUAL = 405_000_000;
const FINAL = 0.6 * (ACTUAL / TARGET) + 0.4 * (4 / 5);
const GRADE = 'C';

let app: FastifyInstance;
let close: () => Promise<void>;
let browser: Browser;
let admin: WatchedPage;
let manager: WatchedPage;
let employee: WatchedPage;
let cycleId: number;
let sheetId: number;
/** Đặng Thu Trang's sheet in the same cycle, for the per-person overrides. */
let trangSheetId: number;
/** A second tab of the manager with a target revision typed while targets could still be revised, sent after the lock. */
let staleTab: Page;

/** Text with no-break spaces (Intl puts one before ₫, the sheet one before %) turned into plain spaces. */
const textOf = async (l: { textContent(): Promise<string | null> }) => ((await l.textContent()) ?? '').replace(/\u00a0/g, ' ');
const as = (email: string) => ApiClient.signedIn(app, email);
const option = (page: Page, text: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: HTTP ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

/** The admin's setup through the API: a personal sales KPI the employee checks in, a sheet template, a March cycle. */
async function setUp(store: Awaited<ReturnType<typeof startTestServer>>['store']): Promise<void> {
  const [person] = await store.people.findByEmails([DEMO.employee]);
  await store.kpis.create(kpiWrite(KPI, { name: 'Doanh số cá nhân', nameEn: 'Personal sales', unit: 'VND', ownerId: person!.id, perspective: 'financial' }));
  const api = await as(DEMO.admin);
  await ok(
    api.post('/api/appraisal/templates', {
      code: 'E2E_SALES',
      name: 'Phiếu nhân viên kinh doanh (E2E)',
      positionId: null,
      groups: [
        {
          code: 'output',
          name: { vi: 'Kết quả đầu ra', en: 'Output' },
          weight: 60,
          items: [{ kind: 'kpi', code: 'SALES', name: { vi: 'Doanh số cá nhân', en: 'Personal sales' }, weight: 100, kpiCode: KPI }],
        },
        {
          code: 'behavior',
          name: { vi: 'Hành vi', en: 'Behavior' },
          weight: 40,
          items: [{ kind: 'rated', code: 'ON_TIME', name: { vi: 'Báo cáo đúng hạn', en: 'Reports on time' }, weight: 100, scale: 5, levels: LEVELS }],
        },
      ],
    }),
    'template',
  );
  const cycle = await ok<{ id: number }>(api.post('/api/appraisal/cycles', { code: 'E2E-2026-03', name: 'Tháng 03/2026 (E2E)', frequency: 'monthly', period: '2026-03' }), 'cycle');
  cycleId = cycle.id;
}

beforeAll(async () => {
  ensureWebBuild();
  const server = await startTestServer({ now: NOW });
  ({ app, close } = server);
  await setUp(server.store);
  browser = await launchBrowser();
  [admin, manager, employee] = await Promise.all([openPage(browser, server.url), openPage(browser, server.url), openPage(browser, server.url)]);
  await Promise.all([login(admin.page, DEMO.admin), login(manager.page, DEMO.manager), login(employee.page, DEMO.employee)]);
});

afterAll(async () => {
  await browser?.close();
  await close?.();
});

/** The admin moves the cycle one phase forward on the cycle page and waits for the new phase. */
async function adminMovesTo(phase: string): Promise<void> {
  const { page } = admin;
  if (!page.url().endsWith(`/appraisal/cycles/${cycleId}`)) await page.goto(`/appraisal/cycles/${cycleId}`);
  await page.getByTestId('cycle-phase').waitFor();
  await page.getByTestId('phase-forward').click();
  await page.locator(`[data-testid=cycle-phase][data-phase=${phase}]`).waitFor();
}

async function adminConfirms(button: 'cycle-lock' | 'cycle-publish', phase: 'locked' | 'published'): Promise<void> {
  const { page } = admin;
  await page.getByTestId(button).click();
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
  await page.locator(`[data-testid=cycle-phase][data-phase=${phase}]`).waitFor();
}

/** The employee's sheet of this cycle on /my-evaluation (they may have sheets of other cycles too). */
async function mySheet(): Promise<ReturnType<Page['getByTestId']>> {
  await employee.page.goto('/my-evaluation');
  const sheet = employee.page.getByTestId(`sheet-${sheetId}`);
  await sheet.waitFor();
  return sheet;
}

/** A picture of the window with `target` at the top (the employee's page may hold sheets of other cycles above it). */
async function screenshotAt(page: Page, target: ReturnType<Page['getByTestId']>, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 8_000 }).catch(() => undefined);
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function openSheetAsManager(): Promise<void> {
  await manager.page.goto(`/appraisal/sheets/${sheetId}`);
  await manager.page.getByTestId(`sheet-${sheetId}`).waitFor();
}

describe('people evaluation: one cycle through manager, employee and admin', () => {
  it('someone without a sheet gets a plain empty state on /my-evaluation', async () => {
    // The admin (Phạm Quốc Huy, board of directors) is evaluated in no cycle.
    await admin.page.goto('/my-evaluation');
    expect(await textOf(admin.page.getByTestId('my-evaluation-empty'))).toContain('Bạn chưa có phiếu đánh giá nào trong kỳ đang mở');
  });

  it('the manager assigns the template to the team and proposes a target', async () => {
    const { page } = manager;
    await page.goto(`/appraisal/cycles/${cycleId}`);
    await page.getByTestId('assign-open').click();
    await page.getByTestId('assign-template').click();
    await option(page, 'E2E_SALES').click();
    await page.getByTestId('assign-unit').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: 'Nhóm Kinh doanh Miền Bắc' }).click();
    await page.getByTestId('assign-ok').click();
    // The team in examples/demo-company.yaml: Hoàng Thị Lan (team lead) and her eight sales staff.
    expect(await textOf(page.getByTestId('assign-created'))).toMatch(/\b9\b/);
    await page.getByTestId('assign-ok').click();

    const sheets = await ok<{ items: { id: number; personName: string }[] }>((await as(DEMO.manager)).get(`/api/appraisal/cycles/${cycleId}/sheets`), 'sheets');
    sheetId = sheets.items.find((s) => s.personName === 'Vũ Đình Khoa')!.id;
    trangSheetId = sheets.items.find((s) => s.personName === 'Đặng Thu Trang')!.id;

    await openSheetAsManager();
    expect(await textOf(page.getByTestId('target-status-SALES'))).toBe('Chưa giao chỉ tiêu');
    await page.getByTestId('target-propose-SALES').click();
    // Money as people say it: "500 triệu" is 500.000.000 ₫.
    await page.getByTestId('target-dialog-value').fill('500 triệu');
    expect(await textOf(page.getByTestId('target-dialog-value-means'))).toBe('= 500.000.000 ₫');
    await page.getByTestId('target-dialog-reason').fill('Theo kế hoạch doanh số quý 1 của nhóm');
    await page.getByTestId('target-dialog-ok').click();
    await page.getByTestId('target-status-SALES').filter({ hasText: 'Chờ thống nhất' }).waitFor();
    expect(await textOf(page.getByTestId('item-target-SALES'))).toContain('500.000.000 ₫');
  });

  it('the employee sees the proposal waiting for agreement and counter-proposes with a reason', async () => {
    const sheet = await mySheet();
    const { page } = employee;
    expect(await textOf(sheet.getByTestId('target-status-SALES'))).toBe('Chờ thống nhất');
    await sheet.getByTestId('target-counter-SALES').click();
    // A counter-proposal without a reason is refused here, before the server sees it.
    await page.getByTestId('target-dialog-value').fill('450 triệu');
    await page.getByTestId('target-dialog-ok').click();
    await page.locator('.ant-modal .ant-form-item-explain-error', { hasText: 'Hãy ghi lý do.' }).waitFor();
    await page.getByTestId('target-dialog-reason').fill('Khách hàng lớn nhất chuyển sang quý 2');
    await page.getByTestId('target-dialog-ok').click();
    await sheet.getByTestId('target-status-SALES').filter({ hasText: 'Đã đề xuất điều chỉnh' }).waitFor();
    expect(await textOf(sheet.getByTestId('item-target-SALES'))).toContain('450.000.000 ₫');
    // The proposal is the manager's to answer now: no buttons for the employee.
    expect(await sheet.getByTestId('target-accept-SALES').count()).toBe(0);
  });

  it('the manager accepts the counter-proposal; the history keeps who, when, what and why', async () => {
    await openSheetAsManager();
    const { page } = manager;
    await page.getByTestId('target-accept-SALES').click();
    await page.getByTestId('target-dialog-ok').click();
    await page.getByTestId('target-status-SALES').filter({ hasText: 'Đã thống nhất' }).waitFor();
    expect(await textOf(page.getByTestId('sheet-agreed'))).toBe('1/1 chỉ tiêu');
    await page.getByText('Lịch sử thống nhất (3 bước)').click();
    const steps = page.getByTestId('agreement-history-SALES').locator('li');
    await steps.nth(2).waitFor();
    // Who, when (dd/mm/yyyy hh:mm: the database stamps the step), what and why.
    expect(await textOf(steps.nth(0))).toMatch(/^Đề xuất chỉ tiêu · 500\.000\.000 ₫ · Chờ thống nhất\s*Lê Văn Đức, \d\d\/\d\d\/\d{4} \d\d:\d\d\s*“Theo kế hoạch doanh số quý 1 của nhóm”$/);
    expect(await textOf(steps.nth(1))).toContain('Đề xuất điều chỉnh · 450.000.000 ₫ · Đã đề xuất điều chỉnh');
    expect(await textOf(steps.nth(1))).toContain('Vũ Đình Khoa');
    expect(await textOf(steps.nth(1))).toContain('“Khách hàng lớn nhất chuyển sang quý 2”');
    expect(await textOf(steps.nth(2))).toContain('Đồng ý · 450.000.000 ₫ · Đã thống nhất');

    // A second tab where the manager starts revising the target and leaves the dialog open until after the lock.
    staleTab = await page.context().newPage();
    await staleTab.goto(`/appraisal/sheets/${sheetId}`);
    await staleTab.getByTestId('target-revise-SALES').click();
    await staleTab.getByTestId('target-dialog-value').fill('400 triệu');
  });

  it('the manager overrides one person’s weights: the decimal total is checked while typing, overrides are marked', async () => {
    const { page } = manager;
    await page.goto(`/appraisal/sheets/${trangSheetId}`);
    await page.getByTestId('sheet-edit-items').click();
    const input = (testId: string) => page.getByTestId(testId).locator('xpath=self::input').or(page.getByTestId(testId).locator('input')).first();
    // 60 + 39,99 = 99,99: said at once, and saving waits until the total is exactly 100.
    await input('edit-group-weight-behavior').fill('39,99');
    await expect.poll(async () => textOf(page.getByTestId('items-weight-issues'))).toContain('các nhóm cộng lại bằng 99,99, phải đúng bằng 100');
    expect(await page.getByTestId('items-save').isDisabled()).toBe(true);
    await input('edit-group-weight-behavior').fill('40');
    // An extra KPI for Trang only: 70 % sales, 30 % orders.
    await page.getByTestId('edit-add-extra').click();
    await page.getByTestId('edit-new-code').fill('ORDERS_EXTRA');
    await page.getByTestId('edit-new-name').fill('Số đơn hàng');
    await page.getByTestId('edit-new-kpi').click();
    await page.keyboard.type('ORDERS');
    await option(page, /^ORDERS · /).click();
    await input('edit-item-weight-ORDERS_EXTRA').fill('30');
    await expect.poll(async () => textOf(page.getByTestId('items-weight-issues'))).toContain('cộng lại bằng 130');
    await input('edit-item-weight-SALES').fill('70');
    await page.getByTestId('items-weight-issues').waitFor({ state: 'detached' });
    await page.getByTestId('items-save').click();
    await page.getByTestId('item-overridden-ORDERS_EXTRA').waitFor();
    expect(await textOf(page.getByTestId('item-overridden-ORDERS_EXTRA'))).toBe('Mục thêm riêng');
    expect(await textOf(page.getByTestId('item-overridden-SALES'))).toBe('Điều chỉnh riêng');
    // Khoa's sheet is untouched.
    const khoa = await ok<{ items: { code: string; overridden: boolean }[] }>((await as(DEMO.manager)).get(`/api/appraisal/sheets/${sheetId}`), 'sheet');
    expect(khoa.items.map((i) => [i.code, i.overridden])).toEqual([
      ['SALES', false],
      ['ON_TIME', false],
    ]);
  });

  it('the employee checks in and sees the actual, then self-assesses when that phase opens', async () => {
    await adminMovesTo('agree');
    await adminMovesTo('track');
    let sheet = await mySheet();
    const { page } = employee;
    await sheet.getByTestId('checkin-open-SALES').click();
    const form = page.getByTestId('checkin-form');
    await form.waitFor();
    expect(await form.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toContain('Tháng 03/2026');
    await page.getByTestId('checkin-value').fill('405000000');
    await page.getByTestId('checkin-save').click();
    await page.locator('.ant-message-notice', { hasText: 'Tháng 03/2026' }).waitFor();
    await page.keyboard.press('Escape');
    // The sheet follows the check-in: 405.000.000 of 450.000.000 ₫ is 90 %, 45.000.000 ₫ still needed.
    await expect.poll(async () => textOf(sheet.getByTestId('item-actual-SALES')), { timeout: 20_000 }).toBe('405.000.000 ₫');
    expect(await textOf(sheet.getByTestId('item-achievement-SALES'))).toBe('90 %');
    expect(await textOf(sheet.getByTestId('item-needed-SALES'))).toBe('45.000.000 ₫');
    // 20 of March's 31 days are gone (64,5 %): at this pace the month ends at 405.000.000 × 31 ÷ 20 = 627.750.000 ₫.
    expect(await textOf(sheet.getByTestId('item-forecast-SALES'))).toBe('627.750.000 ₫');
    expect(await textOf(sheet.getByText('Dự báo cuối kỳ (đã qua 64,5 % kỳ)'))).toBeTruthy();

    await adminMovesTo('self');
    sheet = await mySheet();
    await sheet.getByTestId('self-comment-SALES').fill('Hai hợp đồng lớn dời sang tháng 4');
    await sheet.getByTestId('self-rating-ON_TIME').click();
    await option(page, '5 · Luôn đúng hạn, còn sớm').click();
    await sheet.getByTestId('self-comment-ON_TIME').fill('Báo cáo tuần nào cũng nộp trước thứ Sáu');
    await page.getByTestId('self-submit').click();
    await page.locator('.ant-message-notice', { hasText: 'Đã gửi tự đánh giá.' }).waitFor();
    sheet = await mySheet();
    expect(await textOf(sheet.getByTestId('item-self-ON_TIME'))).toContain('5/5 · Luôn đúng hạn, còn sớm');
  });

  it('the manager reviews with a differing rating: the comment is asked for before the server is', async () => {
    await adminMovesTo('review');
    await openSheetAsManager();
    const { page } = manager;
    // The manager sees the self-assessment.
    expect(await textOf(page.getByTestId('item-self-ON_TIME'))).toContain('Báo cáo tuần nào cũng nộp trước thứ Sáu');
    await page.getByTestId('review-rating-ON_TIME').click();
    await option(page, '4 · Đúng hạn').click();
    await page.getByTestId('review-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: 'Điểm khác với tự đánh giá (5): hãy ghi nhận xét.' }).waitFor();
    await screenshotAt(page, page.getByTestId('sheet-item-ON_TIME'), 'appraisal-sheet-review-vi');
    await page.getByTestId('review-comment-ON_TIME').fill('Hai báo cáo tháng 3 nộp muộn một ngày');
    await page.getByTestId('review-submit').click();
    await page.locator('.ant-message-notice', { hasText: 'Đã gửi đánh giá.' }).waitFor();

    // Until publishing, the employee does not see the manager's review.
    const sheet = await mySheet();
    expect(await sheet.getByTestId('item-manager-ON_TIME').count()).toBe(0);
  });

  it('the admin locks and publishes; the employee sees the score and grade worked by hand and both reviews', async () => {
    await admin.page.goto(`/appraisal/cycles/${cycleId}`);
    await adminConfirms('cycle-lock', 'locked');
    await adminConfirms('cycle-publish', 'published');

    const sheet = await mySheet();
    expect(FINAL).toBeCloseTo(0.86, 12);
    expect(await textOf(sheet.getByTestId('sheet-score'))).toContain('86 %');
    expect(await textOf(sheet.getByTestId('sheet-grade'))).toContain(GRADE);
    expect(await textOf(sheet.getByTestId('item-score-SALES'))).toBe('Điểm: 90 %');
    expect(await textOf(sheet.getByTestId('item-score-ON_TIME'))).toBe('Điểm: 80 %');
    expect(await textOf(sheet.getByTestId('group-score-output'))).toBe('Điểm: 90 %');
    expect(await textOf(sheet.getByTestId('group-score-behavior'))).toBe('Điểm: 80 %');
    expect(await textOf(sheet.getByTestId('item-self-ON_TIME'))).toContain('5/5');
    expect(await textOf(sheet.getByTestId('item-manager-ON_TIME'))).toContain('4/5 · Đúng hạn');
    expect(await textOf(sheet.getByTestId('item-manager-ON_TIME'))).toContain('Hai báo cáo tháng 3 nộp muộn một ngày');
    // Locked: no more check-ins or target steps on this sheet.
    expect(await sheet.getByTestId('checkin-open-SALES').count()).toBe(0);
    await screenshotAt(employee.page, sheet, 'my-evaluation-vi');
  });

  it('a later edit on the locked cycle gets the server’s CYCLE_LOCKED message, and nothing changes', async () => {
    // The manager's revision typed during the agreement days is sent now: refused, with the server's words.
    await staleTab.bringToFront();
    await staleTab.getByTestId('target-dialog-ok').click();
    const error = staleTab.getByTestId('target-dialog-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('CYCLE_LOCKED');
    expect(await textOf(error)).toContain('Kỳ đánh giá đã chốt kết quả');
    expect(await textOf(error)).toContain('Tháng 03/2026 (E2E)');
    const after = await ok<{ items: { code: string; target: number | null; targetStatus: string }[] }>((await as(DEMO.admin)).get(`/api/appraisal/sheets/${sheetId}`), 'sheet');
    expect(after.items.find((i) => i.code === 'SALES')).toMatchObject({ target: TARGET, targetStatus: 'agreed' });
    await staleTab.close();
  });

  it('reads the same in English, on the manager’s page, and on a 390 px phone without sideways scrolling', async () => {
    await openSheetAsManager();
    await screenshot(manager.page, 'appraisal-sheet-vi');

    const { page } = employee;
    await chooseLanguage(page, 'EN');
    const sheet = await mySheet();
    await sheet.getByText('Final score').waitFor();
    expect(await textOf(sheet.getByTestId('sheet-score'))).toContain('86%');
    expect(await textOf(sheet.getByTestId('item-actual-SALES'))).toContain('₫405,000,000');
    await screenshotAt(page, sheet, 'my-evaluation-en');

    await chooseLanguage(manager.page, 'EN');
    await openSheetAsManager();
    await manager.page.getByText('Agreement history (3 steps)').waitFor();
    await screenshot(manager.page, 'appraisal-sheet-en');

    await chooseLanguage(page, 'VI');
    await page.setViewportSize({ width: 390, height: 844 });
    const phoneSheet = await mySheet();
    const overflow = await horizontalOverflow(page);
    expect(overflow.culprits).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    await screenshotAt(page, phoneSheet, 'my-evaluation-phone-vi');
    await page.setViewportSize({ width: 1280, height: 800 });
    // The manager's sheet page on a phone too.
    await manager.page.setViewportSize({ width: 390, height: 844 });
    await openSheetAsManager();
    const managerOverflow = await horizontalOverflow(manager.page);
    expect(managerOverflow.culprits).toEqual([]);
    expect(managerOverflow.scrollWidth).toBeLessThanOrEqual(managerOverflow.innerWidth);
    await manager.page.setViewportSize({ width: 1280, height: 800 });

    expect(employee.unexpectedErrors()).toEqual([]);
    expect(manager.unexpectedErrors()).toEqual([]);
    expect(admin.unexpectedErrors()).toEqual([]);
  });
});
