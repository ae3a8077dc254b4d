import { describe, expect, it } from 'vitest';
import { notify } from '../../src/app/notifications/notify';
import type { TestServer } from '../helpers/server';
import { type BrowserSession, chooseLanguage, DEMO, horizontalOverflow, login, openPage, screenshot, useBrowserSession } from './browser';

let s: BrowserSession;
useBrowserSession((session) => (s = session));

/** Three reminders for the demo employee, as the reminders job would write them. */
async function remindEmployee() {
  const { store } = s.server as TestServer; // the session's server is a TestServer
  const user = (await store.users.findByEmail(DEMO.employee))!;
  const titles = [
    ['Nhắc hạn: KPI Doanh thu Miền Bắc tháng 11/2026', 'Hạn báo cáo là 05/12/2026.'],
    ['Trễ hạn: KPI Số đơn hàng tháng 10/2026', 'Hạn báo cáo đã qua ngày 05/11/2026. Vui lòng cập nhật kết quả.'],
    ['Đề nghị thống nhất chỉ tiêu: Doanh thu cá nhân', 'Chỉ tiêu đề xuất: 1.200.000.000.'],
  ];
  for (const [i, [title, body]] of titles.entries()) {
    await notify(store, { userId: user.id, category: 'reminders', kind: 'reminder.before', text: () => ({ title: title!, body: body! }), link: '/measurement-calendar', dedupeKey: `e2e-${i}` }, new Date(Date.now() - (3 - i) * 3600_000));
  }
}

describe('notifications: the bell, the notifications page, e-mail and webhook settings', () => {
  it('shows the employee the unread count, opens the bell and marks everything read', async () => {
    const { page } = s.w;
    await remindEmployee();
    await login(page, DEMO.employee);
    await expect.poll(() => page.getByTestId('bell-count').textContent()).toBe('3');
    await page.getByTestId('bell').click();
    await page.getByTestId('bell-panel').getByText('Trễ hạn: KPI Số đơn hàng tháng 10/2026').waitFor();

    await page.setViewportSize({ width: 1366, height: 800 });
    await page.getByTestId('bell-see-all').click();
    await page.getByTestId('notifications-page').waitFor();
    await page.getByTestId('email-preferences').getByText('Nhắc hạn báo cáo').waitFor();
    await screenshot(page, 'notifications-vi');

    await page.getByTestId('notifications-mark-all').click();
    await expect.poll(() => page.getByTestId('bell-count').textContent()).toBe('');
    const unread = await page.request.get('/api/notifications/unread-count');
    expect(await unread.json()).toEqual({ unread: 0 });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('notifications-list').getByText('Nhắc hạn: KPI Doanh thu Miền Bắc tháng 11/2026').waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, overflow.culprits.join(', ')).toBeLessThanOrEqual(overflow.innerWidth);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(s.w.unexpectedErrors()).toEqual([]);
  });

  it('lets the admin see the SMTP form and the webhook list at 390 px without sideways scrolling, in vi and en', async () => {
    const w = await openPage(s.browser, s.server.url);
    const { page } = w;
    await login(page, DEMO.admin);
    const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
    const created = await page.request.post('/api/webhooks', {
      headers: { 'x-csrf-token': token },
      data: { name: 'Kênh chat phòng Kinh doanh', url: 'https://chat.minhan.vn/hooks/kpi-kinh-doanh-mien-bac', events: ['kpi.red', 'reminder.late', 'cycle.locked'] },
    });
    expect(created.status()).toBe(201);

    await page.setViewportSize({ width: 1366, height: 800 });
    await page.goto('/settings/notifications');
    await page.getByTestId('mail-smtp-url').waitFor();
    await page.getByTestId('mail-smtp-url').fill('smtp://127.0.0.1:1');
    await page.getByTestId('mail-test').click();
    await expect.poll(() => page.getByTestId('mail-test-result').textContent()).toContain('Máy chủ SMTP từ chối kết nối');
    await screenshot(page, 'notification-settings-vi');

    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of ['vi', 'en']) {
      await page.goto('/settings/notifications');
      if (lang === 'en') await chooseLanguage(page, 'EN');
      await page.getByRole('tab', { name: lang === 'vi' ? 'E-mail (SMTP)' : 'E-mail (SMTP)' }).waitFor();
      await page.getByTestId('mail-smtp-url').waitFor();
      if (lang === 'en') await page.getByRole('tab', { name: 'Webhooks' }).waitFor();
      let overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, `${lang} mail: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(overflow.innerWidth);
      await page.getByRole('tab').nth(1).click();
      await page.getByTestId('webhooks-table').getByText('Kênh chat phòng Kinh doanh').waitFor();
      overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, `${lang} webhooks: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(overflow.innerWidth);
      if (lang === 'vi') await screenshot(page, 'notification-settings-390');
    }
    expect(w.unexpectedErrors([[422, '/api/company/mail/test']])).toEqual([]);
    await page.context().close();
  });
});
