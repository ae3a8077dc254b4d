import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { chooseLanguage, DEMO, ensureWebBuild, pickOption, horizontalOverflow, launchBrowser, login, openPage, screenshot, type WatchedPage } from './browser';

/**
 * Issue 11, the admin's pages: a sheet template with decimal weights, a cycle, assignment to a team, phases
 * and the lock, the pay simulator's what-if and the payroll export, phones at 390 px, screenshots vi/en.
 */

const TEMPLATE = 'E2E-ADMIN';
const CYCLE = 'E2E-2026-Q3';
// Worked by hand. The template's output group holds one KPI item (BRAND_AWARENESS) nobody has a personal value
// for, so it is skipped and the rest renormalized (the cycle's default): the final score is the rated items'.
//   Vũ Đình Khoa:  ratings 5 and 5 of 5 → 1,00 → B (0,95 ≤ 1 < 1,05); base 10.000.000 × rate 1 × 1,2 = 12.000.000 ₫
//   Đặng Thu Trang: ratings 4 and 4 of 5 → 0,80 → C (0,80 ≤ 0,8 < 0,95); base  8.000.000 × rate 1 × 1,0 =  8.000.000 ₫
//   everyone else: base 0 → 0 ₫.                                            current total = 20.000.000 ₫
// What-if with coefficient B 1,5: Khoa 10.000.000 × 1,5 = 15.000.000 ₫ → total 23.000.000 ₫, difference +3.000.000 ₫.
const PEOPLE = [
  { name: 'Vũ Đình Khoa', base: 10_000_000, rating: 5, grade: 'B', bonus: 12_000_000 },
  { name: 'Đặng Thu Trang', base: 8_000_000, rating: 4, grade: 'C', bonus: 8_000_000 },
] as const;

let app: FastifyInstance;
let close: () => Promise<void>;
let browser: Browser;
let w: WatchedPage;
let cycleId: number;
let assigned: number;

const textOf = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
const option = (page: Page, text: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
/** The <input> behind a test id (antd puts the id on the input or on its wrapper). */
const inputOf = (page: Page, testId: string) => {
  const el = page.getByTestId(testId);
  return el.locator('xpath=self::input').or(el.locator('input')).first();
};

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: HTTP ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const o = await horizontalOverflow(page);
  expect(o.culprits, what).toEqual([]);
  expect(o.scrollWidth, what).toBeLessThanOrEqual(o.innerWidth);
}

async function movePhase(page: Page, button: 'phase-forward' | 'phase-back', phase: string) {
  await page.getByTestId(button).click();
  await page.locator(`[data-testid=cycle-phase][data-phase=${phase}]`).waitFor();
}

beforeAll(async () => {
  ensureWebBuild();
  const server = await startTestServer();
  ({ app, close } = server);
  browser = await launchBrowser();
  w = await openPage(browser, server.url);
  await login(w.page, DEMO.admin);
});

afterAll(async () => {
  await browser?.close();
  await close?.();
});

describe('people evaluation, admin pages', () => {
  it('refuses group weights of 33,33 × 3 = 99,99 and saves 33,33 + 33,33 + 33,34', async () => {
    const { page } = w;
    await page.goto('/appraisal');
    await page.getByTestId('templates-link').click();
    await page.getByTestId('appraisal-templates').waitFor();
    await page.getByTestId('template-create').click();
    await page.getByTestId('template-editor').waitFor();
    await page.getByTestId('template-code').fill(TEMPLATE);
    await page.getByTestId('template-name').fill('Phiếu kinh doanh (E2E)');
    // Default groups: Kết quả đầu ra / Hành vi / Năng lực at 60 / 20 / 20.
    expect(await inputOf(page, 'group-0-name-vi').inputValue()).toBe('Kết quả đầu ra');
    expect(await textOf(page.getByTestId('weights-groups'))).toBe('Σ 100');
    for (const g of [0, 1, 2]) await inputOf(page, `group-${g}-weight`).fill('33,33');

    await page.getByTestId('group-0-add-kpi').click();
    await page.getByTestId('item-0-0-kpi').click();
    await page.keyboard.type('BRAND_AWARENESS');
    await option(page, 'BRAND_AWARENESS').click();
    // Picking the KPI fills the item's code and names.
    await expect.poll(() => inputOf(page, 'item-0-0-code').inputValue()).toBe('BRAND_AWARENESS');
    for (const g of [1, 2]) {
      await page.getByTestId(`group-${g}-add-rated`).click();
      await inputOf(page, `item-${g}-0-code`).fill(g === 1 ? 'ON_TIME' : 'PRODUCT');
      await inputOf(page, `item-${g}-0-name-vi`).fill(g === 1 ? 'Đúng hạn' : 'Kiến thức sản phẩm');
      await inputOf(page, `item-${g}-0-name-en`).fill(g === 1 ? 'On time' : 'Product knowledge');
      for (let level = 0; level < 5; level++) {
        await inputOf(page, `item-${g}-0-level-${level}-vi`).fill(`Mức ${level + 1}`);
        await inputOf(page, `item-${g}-0-level-${level}-en`).fill(`Level ${level + 1}`);
      }
    }
    // 33,33 + 33,33 + 33,33 = 99,99 in decimal: refused live, with the server's own words.
    await page.locator('[data-testid="weights-groups"][data-status="bad"]').waitFor();
    expect(await textOf(page.getByTestId('weights-groups'))).toBe('Σ 99,99 ≠ 100Trọng số các nhóm cộng lại bằng 99,99, phải đúng bằng 100');
    expect(await textOf(page.getByTestId('weights-groups.0.items'))).toBe('Σ 100');
    await page.getByTestId('template-save').click();
    await page.locator('.ant-message-notice', { hasText: 'Trọng số các nhóm cộng lại bằng 99,99, phải đúng bằng 100' }).waitFor();
    await screenshot(page, 'appraisal-template-99-99-vi');
    const api = await ApiClient.signedIn(app, DEMO.admin);
    const before = await ok<{ items: { code: string }[] }>(api.get('/api/appraisal/templates'), 'templates');
    expect(before.items.map((t) => t.code)).not.toContain(TEMPLATE);

    // 33,33 + 33,33 + 33,34 = 100 exactly.
    await inputOf(page, 'group-2-weight').fill('33,34');
    await page.locator('[data-testid="weights-groups"][data-status="ok"]').waitFor();
    expect(await textOf(page.getByTestId('weights-groups'))).toBe('Σ 100');
    await page.getByTestId('template-save').click();
    await page.getByTestId('template-editor').waitFor({ state: 'hidden' });
    const row = page.getByTestId('templates-table').locator('tr', { hasText: TEMPLATE });
    expect(await textOf(row)).toContain('Kết quả đầu ra 33,33 % · Hành vi 33,33 % · Năng lực 33,34 %');
    const saved = await ok<{ items: { code: string; groups: { weight: number; items: { kind: string; kpiCode?: string; levels?: unknown[] }[] }[] }[] }>(api.get('/api/appraisal/templates'), 'templates');
    const tp = saved.items.find((t) => t.code === TEMPLATE)!;
    expect(tp.groups.map((g) => g.weight)).toEqual([33.33, 33.33, 33.34]);
    expect(tp.groups[0]!.items[0]).toMatchObject({ kind: 'kpi', kpiCode: 'BRAND_AWARENESS' });
    expect(tp.groups[1]!.items[0]!.levels).toHaveLength(5);
  });

  it('adds a bonus rule version from 01/01/2027 (after the test cycle, so its pay keeps the demo rule)', async () => {
    const { page } = w;
    await page.getByTestId('bonus-rule-add').click();
    await inputOf(page, 'bonus-effective').fill('01/01/2027');
    await page.keyboard.press('Enter');
    await inputOf(page, 'bonus-coef-0').fill('2');
    await page.getByTestId('bonus-rule-save').click();
    const first = page.getByTestId('bonus-rules').locator('tr.ant-table-row').first();
    await expect.poll(() => textOf(first)).toContain('01/01/2027');
    expect(await textOf(first)).toContain('A 2 · B 1,2 · C 1 · D 0,5');
    expect(await textOf(first)).toContain('1.000 ₫');
    const rules = await ok<{ items: { effectiveFrom: string; coefficients: unknown; rate: number; roundStep: number }[] }>((await ApiClient.signedIn(app, DEMO.admin)).get('/api/appraisal/bonus-rules'), 'rules');
    expect(rules.items.find((r) => r.effectiveFrom === '2027-01-01')).toMatchObject({ rate: 1, roundStep: 1000, coefficients: { A: 2, B: 1.2, C: 1, D: 0.5 } });
  });

  it('creates a quarterly cycle with a deadline and a target share for A', async () => {
    const { page } = w;
    await page.goto('/appraisal');
    await page.getByTestId('cycle-create').click();
    await page.getByTestId('cycle-code').fill(CYCLE);
    await page.getByTestId('cycle-name').fill('Đánh giá quý 3/2026 (E2E)');
    await page.getByTestId('cycle-period').fill('2026-Q3');
    await inputOf(page, 'cycle-deadline-agree').fill('15/07/2026');
    await page.keyboard.press('Enter');
    await inputOf(page, 'cycle-band-0-share').fill('15');
    await page.getByTestId('cycle-save').click();
    await page.getByTestId('appraisal-cycle').waitFor();
    cycleId = Number(/\/appraisal\/cycles\/(\d+)/.exec(page.url())![1]);
    expect(await textOf(page.getByTestId('cycle-title'))).toBe('Đánh giá quý 3/2026 (E2E)');
    expect(await page.getByTestId('cycle-phase').getAttribute('data-phase')).toBe('targets');
    expect(await textOf(page.getByTestId('cycle-header'))).toContain('01/07/2026 – 30/09/2026');
    expect(await textOf(page.getByTestId('cycle-steps'))).toContain('15/07/2026');
    const cycle = await ok<{ deadlines: Record<string, string>; distribution: Record<string, number> | null }>((await ApiClient.signedIn(app, DEMO.admin)).get(`/api/appraisal/cycles/${cycleId}`), 'cycle');
    expect(cycle.deadlines).toEqual({ agree: '2026-07-15' });
    expect(cycle.distribution).toEqual({ A: 0.15 });
  });

  it('assigns the template to the Northern sales team, then skips everyone on a second try', async () => {
    const { page } = w;
    // What a select of the dialog shows as chosen (the form refuses to send while one is empty).
    const chosen = (testId: string) => textOf(page.getByTestId('assign-form').locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-select-content, .ant-select-selection-item').first());
    const assign = async () => {
      await page.getByTestId('assign-open').click();
      await pickOption(page, 'assign-template', TEMPLATE);
      await expect.poll(() => chosen('assign-template')).toContain(TEMPLATE);
      await page.getByTestId('assign-unit').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: 'Nhóm Kinh doanh Miền Bắc' }).click();
      await expect.poll(() => chosen('assign-unit')).toContain('Nhóm Kinh doanh Miền Bắc');
      await page.getByTestId('assign-ok').click();
      await page.getByTestId('assign-result').waitFor();
    };
    await assign();
    // The active people of KD-MB, whatever their position (the template is for any position).
    const api = await ApiClient.signedIn(app, DEMO.admin);
    const unit = (await ok<{ items: { id: number; code: string }[] }>(api.get('/api/org-units'), 'units')).items.find((u) => u.code === 'KD-MB')!;
    const people = await ok<{ items: { active: boolean }[] }>(api.get(`/api/people?unitId=${unit.id}&limit=100`), 'people');
    assigned = people.items.filter((p) => p.active).length;
    expect(assigned).toBeGreaterThan(2);
    expect(await textOf(page.getByTestId('assign-created'))).toBe(`Đã tạo ${assigned} phiếu.`);
    await page.getByTestId('assign-ok').click();
    await page.getByTestId('sheets-table').locator('tr', { hasText: 'Vũ Đình Khoa' }).waitFor();
    expect(await textOf(page.getByTestId('sheets-count'))).toBe(`${assigned} phiếu`);

    await assign();
    expect(await textOf(page.getByTestId('assign-created'))).toBe('Đã tạo 0 phiếu.');
    expect(await page.getByTestId('assign-skipped').locator('.ant-list-item').count()).toBe(assigned);
    expect(await textOf(page.getByTestId('assign-skipped'))).toContain('Vũ Đình Khoa');
    await page.getByTestId('assign-ok').click();
    await screenshot(page, 'appraisal-cycle-sheets-vi');
  });

  it('moves the phases forward and back, the reviews and bases go in, and the lock shows', async () => {
    const { page } = w;
    const api = await ApiClient.signedIn(app, DEMO.admin);
    const sheets = await ok<{ items: { id: number; personName: string }[] }>(api.get(`/api/appraisal/cycles/${cycleId}/sheets`), 'sheets');
    const idOf = (name: string) => sheets.items.find((s) => s.personName === name)!.id;
    for (const p of PEOPLE) await ok(api.request({ method: 'PUT', url: `/api/appraisal/sheets/${idOf(p.name)}/bonus-base`, payload: { base: p.base } }), 'bonus base');

    await movePhase(page, 'phase-forward', 'agree');
    await movePhase(page, 'phase-back', 'targets');
    for (const phase of ['agree', 'track', 'self', 'review']) await movePhase(page, 'phase-forward', phase);

    for (const p of PEOPLE) {
      const sheet = await ok<{ items: { id: number; kind: string }[] }>(api.get(`/api/appraisal/sheets/${idOf(p.name)}`), 'sheet');
      const items = sheet.items.filter((i) => i.kind === 'rated').map((i) => ({ id: i.id, rating: p.rating, comment: 'Đánh giá của quản trị (E2E)' }));
      await ok(api.request({ method: 'PUT', url: `/api/appraisal/sheets/${idOf(p.name)}/review`, payload: { items, submit: true } }), 'review');
    }
    await movePhase(page, 'phase-forward', 'calibrate');
    expect(await page.getByTestId('phase-forward').count()).toBe(0);
    await page.getByTestId('cycle-lock').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.locator('[data-testid=cycle-phase][data-phase=locked]').waitFor();
    expect(await textOf(page.getByTestId('cycle-phase'))).toBe('Đã khóa');
    expect(await textOf(page.getByTestId('cycle-locked'))).toMatch(/^Đã chốt lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    // Locked: no phase moves, no assignment; publish and reopen are offered.
    expect(await page.getByTestId('phase-back').count()).toBe(0);
    expect(await page.getByTestId('assign-open').count()).toBe(0);
    await page.getByTestId('cycle-publish').waitFor();
    await page.getByTestId('cycle-reopen').waitFor();
    const row = page.getByTestId('sheets-table').locator('tr', { hasText: 'Vũ Đình Khoa' });
    await expect.poll(() => textOf(row)).toContain('100 %');
    expect(await textOf(row)).toContain('12.000.000 ₫');
    await screenshot(page, 'appraisal-cycle-locked-vi');
  });

  it('the pay simulator recomputes the what-if total when coefficient B goes from 1,2 to 1,5', async () => {
    const { page } = w;
    await page.getByTestId('cycle-tab-pay').click();
    const current = page.getByTestId('pay-total-current');
    const whatIf = page.getByTestId('pay-total-whatif');
    await expect.poll(() => textOf(current)).toContain('20.000.000 ₫');
    expect(await textOf(whatIf)).toContain('20.000.000 ₫');
    await inputOf(page, 'pay-coef-B').fill('1,5');
    await expect.poll(() => textOf(whatIf)).toContain('23.000.000 ₫');
    expect(await textOf(current)).toContain('20.000.000 ₫');
    expect(await textOf(page.getByTestId('pay-total-difference'))).toContain('+3.000.000 ₫');
    const khoa = page.getByTestId('pay-table').locator('tr', { hasText: 'Vũ Đình Khoa' });
    expect(await textOf(khoa)).toContain('12.000.000 ₫');
    expect(await textOf(khoa)).toContain('15.000.000 ₫');
    await screenshot(page, 'appraisal-pay-vi');
  });

  it('exports the cycle for payroll as an XLSX with one row per person', async () => {
    const { page } = w;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pay-export').click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'openkpi-export-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(file.endsWith('.xlsx')).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const people = rows.filter((r) => r.some((c) => typeof c === 'string' && ['Vũ Đình Khoa', 'Đặng Thu Trang'].includes(c)));
    expect(people).toHaveLength(2);
    for (const p of PEOPLE) {
      const row = people.find((r) => r.includes(p.name))!;
      expect(row).toContain(p.grade);
      expect(row).toContain(p.bonus);
    }
    // One row per assigned person, besides the header.
    expect(rows.filter((r) => r.some((c) => typeof c === 'number')).length).toBe(assigned);
  });

  it('shows the calibration and consensus tabs', async () => {
    const { page } = w;
    await page.getByTestId('cycle-tab-calibration').click();
    await page.getByTestId('calibration-tab').waitFor();
    await page.getByTestId('calibration-reviewers').locator('tr', { hasText: 'Phạm Quốc Huy' }).waitFor();
    await screenshot(page, 'appraisal-calibration-vi');
    await page.getByTestId('cycle-tab-consensus').click();
    await page.getByTestId('consensus-people').locator('tr', { hasText: 'Vũ Đình Khoa' }).waitFor();
  });

  it('reads in English too', async () => {
    const { page } = w;
    await chooseLanguage(page, 'EN');
    await page.getByTestId('cycle-tab-pay').click();
    await expect.poll(() => textOf(page.getByTestId('pay-total-current'))).toContain('₫20,000,000');
    expect(await textOf(page.getByTestId('cycle-phase'))).toBe('Locked');
    await screenshot(page, 'appraisal-pay-en');
    await page.getByTestId('cycle-tab-sheets').click();
    await page.getByTestId('sheets-table').locator('tr', { hasText: 'Vũ Đình Khoa' }).waitFor();
    await screenshot(page, 'appraisal-cycle-locked-en');
    await page.goto('/appraisal/templates');
    await page.getByTestId(`template-edit-${TEMPLATE}`).click();
    await inputOf(page, 'group-2-weight').fill('33.33');
    await page.locator('[data-testid="weights-groups"][data-status="bad"]').waitFor();
    expect(await textOf(page.getByTestId('weights-groups'))).toBe('Σ 99.99 ≠ 100The weights of the groups total 99.99; they must total exactly 100');
    await screenshot(page, 'appraisal-template-99-99-en');
    await page.keyboard.press('Escape');
    await page.goto('/appraisal');
    await page.getByTestId('cycles-table').locator('tr', { hasText: 'E2E' }).first().waitFor();
    await screenshot(page, 'appraisal-cycles-en');
    await chooseLanguage(page, 'VI');
    await screenshot(page, 'appraisal-cycles-vi');
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto('/appraisal');
      await page.getByTestId('cycles-table').locator('tr', { hasText: 'E2E' }).first().waitFor();
      await expectNoSidewaysScroll(page, '/appraisal');
      await page.goto('/appraisal/templates');
      await page.getByTestId('templates-table').locator('tr', { hasText: TEMPLATE }).waitFor();
      await expectNoSidewaysScroll(page, '/appraisal/templates');
      await page.getByTestId(`template-edit-${TEMPLATE}`).click();
      await page.getByTestId('template-editor').waitFor();
      // The drawer slides in from the right: measure once it has arrived.
      await page.waitForFunction(() => {
        const drawer = document.querySelector('[data-testid=template-editor]');
        return drawer !== null && drawer.getBoundingClientRect().right <= window.innerWidth + 1;
      });
      await expectNoSidewaysScroll(page, 'template editor');
      await screenshot(page, 'appraisal-template-phone-vi');
      await page.keyboard.press('Escape');
      await page.goto(`/appraisal/cycles/${cycleId}`);
      for (const tab of ['sheets', 'consensus', 'calibration', 'pay']) {
        await page.getByTestId(`cycle-tab-${tab}`).click();
        await page.getByTestId(tab === 'sheets' ? 'sheets-table' : `${tab}-tab`).waitFor();
        await page.waitForLoadState('networkidle');
        await expectNoSidewaysScroll(page, `cycle tab ${tab}`);
      }
      await screenshot(page, 'appraisal-pay-phone-vi');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect(w.unexpectedErrors()).toEqual([]);
  });
  it('reopens the locked cycle with a reason, then calibrates a grade with before, after and reason in the log', async () => {
    const { page } = w;
    await page.goto(`/appraisal/cycles/${cycleId}`);
    await page.getByTestId('cycle-reopen').click();
    // No reason, no reopening.
    expect(await page.getByTestId('reopen-ok').isDisabled()).toBe(true);
    await page.getByTestId('reopen-reason').fill('Bổ sung hiệu chỉnh sau họp hội đồng');
    await page.getByTestId('reopen-ok').click();
    await page.locator('[data-testid=cycle-phase][data-phase=calibrate]').waitFor();
    await page.getByTestId('cycle-tab-calibration').click();
    const trang = page.getByTestId('calibration-sheets').locator('tr', { hasText: 'Đặng Thu Trang' });
    await trang.getByRole('button').click();
    await page.getByTestId('calibrate-grade').click();
    await option(page, /^B$/).click();
    await page.getByTestId('calibrate-reason').fill('Hoàn thành dự án khách hàng lớn ngoài KPI');
    await page.getByTestId('calibrate-ok').click();
    const change = page.getByTestId('calibration-changes').locator('tr', { hasText: 'Đặng Thu Trang' });
    await expect.poll(() => textOf(change)).toContain('C → B');
    expect(await textOf(change)).toContain('Hoàn thành dự án khách hàng lớn ngoài KPI');
    expect(await textOf(change)).toContain('Phạm Quốc Huy');
    // The sheet row shows the grade before calibration struck through.
    await expect.poll(() => textOf(trang)).toContain('C → B');
    expect(w.unexpectedErrors()).toEqual([]);
  });
});
