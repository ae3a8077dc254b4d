import { describe, expect, it } from 'vitest';
import { type BrowserSession, chooseLanguage, DEMO, horizontalOverflow, login, screenshot, useBrowserSession } from './browser';

let s: BrowserSession;
useBrowserSession((session) => (s = session));

const pad = (n: number) => String(n).padStart(2, '0');

/** This month's key in Hồ Chí Minh City time (the test server runs on the real clock). */
function thisMonth(): string {
  const local = new Date(Date.now() + 7 * 3_600_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}`;
}
function previousMonth(): string {
  const [y, m] = thisMonth().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

async function expectNoSidewaysScroll() {
  const overflow = await horizontalOverflow(s.w.page);
  expect(overflow.culprits).toEqual([]);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
}

describe('calendar pages', () => {
  it('an admin adds a holiday on /settings/calendar (dd/mm/yyyy), and a bad date is refused on its row', async () => {
    const { page } = s.w;
    await login(page, DEMO.admin);
    await page.goto('/settings/calendar');
    // The list is drawn empty, then filled with the stored holidays (an effect after the data arrives).
    await expect.poll(() => page.getByTestId('calendar-holiday').count()).toBe(34);
    const before = await page.getByTestId('calendar-holiday').count();
    await page.getByTestId('holiday-add').click();
    const row = page.getByTestId('calendar-holiday').last();
    await row.getByTestId('holiday-date').fill('31/02/2027');
    await row.getByTestId('holiday-name').fill('Ngày hội công ty');
    await page.getByTestId('calendar-save').click();
    await page.getByText(`Dòng ${before + 1}: cần ngày dạng dd/mm/yyyy`).waitFor();
    await row.getByTestId('holiday-date').fill('15/10/2027');
    await page.getByTestId('calendar-save').click();
    await page.getByText('Đã lưu.').first().waitFor();
    const stored = (await (await page.request.get('/api/company/calendar')).json()) as { holidays: { day: string; name: string }[] };
    expect(stored.holidays).toContainEqual({ day: '2027-10-15', name: 'Ngày hội công ty', nameEn: null });

    // an employee's measurement due: a KPI she measures, with a target for her last month
    const people = (await (await page.request.get('/api/people?limit=200')).json()) as { items: { id: number; email: string; unitId: number }[] };
    const me = people.items.find((p) => p.email === DEMO.employee)!;
    const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
    const headers = { 'x-csrf-token': token };
    const kpi = {
      code: 'CAL_E2E', name: 'Số cuộc gọi khách hàng', nameEn: 'Customer calls',
      description: 'Số cuộc gọi chăm sóc khách hàng đã thực hiện trong tháng, đếm theo nhật ký tổng đài.',
      level: 'operational', perspective: 'customer', unit: 'count', direction: 'increase', aggregation: 'sum', frequency: 'monthly',
      source: 'manual', ownerId: me.id, measurerId: me.id, reportWithinDays: 5, baseline: null, parents: [], tags: [], status: 'active',
      targets: [{ period: thisMonth(), value: 40 }],
    };
    const created = await page.request.post('/api/kpis', { headers, data: kpi });
    expect(created.status(), await created.text()).toBe(201);
    const targets = await page.request.put('/api/kpis/CAL_E2E/targets', {
      headers,
      data: { scope: { type: 'person', id: me.id }, targets: [{ period: previousMonth(), value: 40 }, { period: thisMonth(), value: 40 }] },
    });
    expect(targets.status(), await targets.text()).toBe(200);
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'calendar-settings-vi');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto('/settings/calendar');
      await page.getByTestId('calendar-holidays').waitFor();
      await expectNoSidewaysScroll();
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('an employee sees what she measures on /calendar, with states, in vi and en, at 390 px', async () => {
    const { page } = s.w;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor(); // signed out (a /login opened before that would go home)
    await login(page, DEMO.employee);
    await page.goto('/calendar');
    const item = page.getByTestId('calendar-item').filter({ hasText: 'CAL_E2E' }).first();
    await item.waitFor();
    // last month's value is not in: due soon or late, depending on today's distance to its deadline
    expect(await item.textContent()).toMatch(/Trễ hạn|Sắp đến hạn|Chưa đến hạn/);
    expect(await page.getByTestId('calendar-counts').textContent()).toContain('Trễ hạn');
    expect(s.w.unexpectedErrors()).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'calendar-vi');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      // As a phone opens it (the page laid out at 390 px from the start, as the settings page above).
      await page.goto('/calendar');
      await item.waitFor();
      await expectNoSidewaysScroll();
      await page.screenshot({ path: `${process.cwd()}/docs/screenshots/calendar-390.png`, fullPage: false });
      await chooseLanguage(page, 'EN');
      await page.getByText('Measurement calendar').first().waitFor();
      expect(await item.textContent()).toMatch(/Late|Due soon|Due/);
      await expectNoSidewaysScroll();
      await chooseLanguage(page, 'VI');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
