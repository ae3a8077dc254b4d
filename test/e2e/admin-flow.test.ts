import { describe, expect, it } from 'vitest';
import { chooseLanguage, DEMO, login, screenshot, useBrowserSession, type WatchedPage } from './browser';

let w: WatchedPage;
useBrowserSession((s) => (w = s.w));

const nav = (w: WatchedPage) => w.page.getByTestId('side-nav');

async function switchLang(w: WatchedPage, label: 'VI' | 'EN', expectedNavText: string) {
  await chooseLanguage(w.page, label);
  await nav(w).getByText(expectedNavText, { exact: true }).waitFor();
}

describe('admin: language, org chart and audit log', () => {
  it('shows the login page in Vietnamese with the product name and tagline', async () => {
    const { page } = w;
    await page.goto('/');
    await page.getByTestId('login-email').waitFor();
    expect(page.url()).toMatch(/\/login$/);
    await expect(page.locator('body').textContent()).resolves.toContain('OpenKPI');
    expect(await page.getByTestId('tagline').textContent()).toContain('Quản lý chỉ số KPI');
    await screenshot(page, 'login');
  });

  it('shows the server message for a wrong password', async () => {
    const { page } = w;
    await page.getByTestId('login-email').fill(DEMO.admin);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    const text = await page.getByTestId('login-error').textContent();
    expect(text).toMatch(/mật khẩu/i);
  });

  it('switches vi → en → vi, and the choice survives a reload', async () => {
    const { page } = w;
    await login(page, DEMO.admin);
    await nav(w).getByText('Sơ đồ tổ chức', { exact: true }).waitFor();
    expect(await page.getByTestId('home-page').textContent()).toContain('Xin chào');

    await switchLang(w, 'EN', 'Org chart');
    expect(await page.getByTestId('home-page').textContent()).toContain('Hello');
    expect(await page.getByTestId('logout').textContent()).toBe('Log out');
    await page.reload();
    await nav(w).getByText('Audit log', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await switchLang(w, 'VI', 'Sơ đồ tổ chức');
    await page.reload();
    await nav(w).getByText('Nhật ký thay đổi', { exact: true }).waitFor();
    expect(await page.getByTestId('logout').textContent()).toBe('Đăng xuất');
  });

  it('remembers the language on the user, not only in this browser', async () => {
    const { page } = w;
    await switchLang(w, 'EN', 'Org chart');
    // The page switches language first and saves the choice on the user with a request after that.
    const locale = () => page.evaluate(() => fetch('/api/auth/me').then((r) => r.json() as Promise<{ user: { locale: string } }>)).then((me) => me.user.locale);
    await expect.poll(locale).toBe('en');
    await switchLang(w, 'VI', 'Sơ đồ tổ chức');
  });

  it('opens the org chart in both languages', async () => {
    const { page } = w;
    await nav(w).getByText('Sơ đồ tổ chức', { exact: true }).click();
    await page.getByTestId('unit-KD').waitFor();
    await page.getByTestId('people-table').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('org-page').textContent()).toContain('Phòng Kinh doanh');
    await screenshot(page, 'org-chart-vi');

    await switchLang(w, 'EN', 'Org chart');
    await page.getByTestId('person-add').getByText('Add person').waitFor();
    await screenshot(page, 'org-chart-en');
    await switchLang(w, 'VI', 'Sơ đồ tổ chức');
  });

  it('adds a child unit and a person through the UI', async () => {
    const { page } = w;
    await page.getByTestId('unit-KD').click();
    await page.getByTestId('unit-add').click();
    // The person drawer of the previous test may still be closing: pick the unit dialog itself.
    const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('unit-code') });
    await dialog.getByTestId('unit-code').fill('KD-ONL');
    await dialog.getByTestId('unit-name').fill('Nhóm Kinh doanh Online');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('unit-KD-ONL').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // The new unit is selected: the people card is titled with it.
    await page.getByText('Nhân sự – Nhóm Kinh doanh Online').waitFor();

    await page.getByTestId('person-add').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('person-name').fill('Trần Văn Mới');
    await drawer.getByTestId('person-email').fill('moi.tran@minhan.vn');
    await drawer.getByTestId('person-position').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Nhân viên kinh doanh' }).click();
    // The choice is in the field and its list has closed (on a busy machine the list can still cover the next field).
    await drawer.getByTestId('person-position').getByText('Nhân viên kinh doanh').waitFor();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 10_000 }).toBe(0);
    await drawer.getByTestId('person-manager').click();
    await page.keyboard.type('Lê Văn');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Lê Văn Đức' }).click();
    await drawer.getByTestId('person-manager').getByText('Lê Văn Đức').waitFor();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 10_000 }).toBe(0);
    await drawer.getByTestId('person-save').click();
    const row = page.getByTestId('people-table').locator('tbody tr', { hasText: 'Trần Văn Mới' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells).toEqual(['Trần Văn Mới', 'moi.tran@minhan.vn', 'Nhóm Kinh doanh Online', 'Nhân viên kinh doanh', 'Lê Văn Đức']);
  });

  it('reports a taken unit code on the field', async () => {
    const { page } = w;
    await page.getByTestId('unit-KD').click();
    await page.getByTestId('unit-add').click();
    // The person drawer of the previous test may still be closing: pick the unit dialog itself.
    const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('unit-code') });
    await dialog.getByTestId('unit-code').fill('KD-ONL');
    await dialog.getByTestId('unit-name').fill('Trùng mã');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Mã đã tồn tại.').waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('lists both changes in the audit log, with a before/after view', async () => {
    const { page } = w;
    await nav(w).getByText('Nhật ký thay đổi', { exact: true }).click();
    const table = page.getByTestId('audit-table');
    const unitRow = table.locator('tbody tr', { hasText: 'Nhóm Kinh doanh Online' }).filter({ hasText: 'Phòng ban' });
    const personRow = table.locator('tbody tr', { hasText: 'Trần Văn Mới' });
    await unitRow.first().waitFor();
    await personRow.first().waitFor();
    expect(await personRow.first().textContent()).toContain('Phạm Quốc Huy');
    expect(await personRow.first().textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await personRow.first().locator('.ant-table-row-expand-icon').click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    expect(await diff.textContent()).toContain('moi.tran@minhan.vn');
    await screenshot(page, 'audit-log');
  });

  it('shows the company settings form', async () => {
    const { page } = w;
    await nav(w).getByText('Cài đặt công ty', { exact: true }).click();
    // The form is drawn empty, then filled with the company (an effect after the data arrives).
    await expect.poll(() => page.getByTestId('company-name').inputValue()).toBe('Công ty TNHH Thương mại Minh An');
    expect(await page.getByTestId('company-form').textContent()).toContain('Asia/Ho_Chi_Minh');
    await screenshot(page, 'settings');
  });

  it('shows server validation errors on the company settings fields', async () => {
    const { page } = w;
    await page.getByTestId('company-name').fill('   ');
    await page.getByTestId('company-save').click();
    // The server trims the name and answers 400 VALIDATION_FAILED with an issue on "name"; the form puts it on
    // the field in the words the user knows (the field's label, not the API path).
    const item = page.locator('.ant-form-item', { has: page.getByTestId('company-name') });
    await item.locator('.ant-form-item-explain-error').waitFor();
    expect(await item.locator('.ant-form-item-explain-error').textContent()).toBe('Tên công ty không được để trống.');
    await page.reload();
    await expect.poll(() => page.getByTestId('company-name').inputValue()).toBe('Công ty TNHH Thương mại Minh An');
  });

  it('imports people from CSV: a dry run lists bad rows, a good file is imported', async () => {
    const { page } = w;
    await nav(w).getByText('Sơ đồ tổ chức', { exact: true }).click();
    await page.getByTestId('people-import').click();
    const modal = page.locator('.ant-modal', { hasText: 'Nhập danh sách nhân sự' });
    const header = 'Họ và tên,Email,Mã phòng ban,Mã chức danh,Email quản lý\n';
    const bad = header + 'Người Một,mot@minhan.vn,KHONG-CO,nv-kinh-doanh,\nNgười Hai,hai@minhan.vn,KD,nv-kinh-doanh,\n';
    await modal.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await modal.getByTestId('import-check').click();
    const issues = modal.getByTestId('import-issues');
    await issues.waitFor();
    const firstRow = await issues.locator('tbody tr').first().locator('td').allTextContents();
    // Row 2 is the first data row (the header is row 1).
    expect(firstRow[0]).toBe('2');
    expect(firstRow.join(' ')).toContain('KHONG-CO');

    const good = header + 'Người Một,mot@minhan.vn,KD-MB,nv-kinh-doanh,lan.hoang@minhan.vn\nNgười Hai,hai@minhan.vn,KD-MN,,\n';
    await modal.locator('input[type=file]').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await modal.getByTestId('import-check').click();
    expect(await modal.getByTestId('import-ok').textContent()).toContain('2 dòng');
    await modal.getByTestId('import-run').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('people-search').locator('input').fill('Người Một');
    await page.getByTestId('people-search').locator('input').press('Enter');
    await page.getByTestId('people-table').locator('tbody tr', { hasText: 'mot@minhan.vn' }).waitFor();
  });

  it('archives a unit and greys it with a tag', async () => {
    const { page } = w;
    await page.getByTestId('unit-KD-ONL').click();
    await page.getByTestId('unit-archive').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Lưu trữ' }).click();
    await page.getByTestId('unit-KD-ONL').getByText('Đã lưu trữ').waitFor();
  });

  it('produced no console errors on any page (besides the 401 and 409 the tests asked for)', () => {
    expect(
      w.unexpectedErrors([
        [401, '/api/auth/login'],
        [409, '/api/org-units'],
        [400, '/api/company'],
        [422, '/api/people/import'],
      ]),
    ).toEqual([]);
  });
});
