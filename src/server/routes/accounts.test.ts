import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../app/demo/demo-data';
import { migrate } from '../../db/migrate';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';

interface Account {
  id: number;
  email: string;
  role: string;
  active: boolean;
  personId: number | null;
}

describe.each(engines())('logins, roles and password reset on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  const accounts = async (): Promise<Account[]> => (await admin.get('/api/users')).json().items;
  const account = async (email: string) => (await accounts()).find((a) => a.email === email)!;
  const sessionsOf = async (userId: number) =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM sessions WHERE user_id = ${userId}`.execute(t.database.db)).rows[0]!.n);
  const signIn = async (email: string, password: string) => {
    const client = await t.anonymous();
    const res = await client.post('/api/auth/login', { email, password });
    return { client, res };
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
  });
  afterAll(() => t.close());

  it('a role change takes effect on the next request of a signed-in user (session cache cleared)', async () => {
    const viewer = await t.as('an.nguyen@minhan.vn');
    expect((await viewer.get('/api/users')).statusCode).toBe(403); // also warms the session cache
    const { id } = await account('an.nguyen@minhan.vn');
    const res = await admin.patch(`/api/users/${id}`, { role: 'admin' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, role: 'admin', active: true });
    expect((await viewer.get('/api/users')).statusCode).toBe(200);
    expect((await viewer.get('/api/auth/me')).json().user.role).toBe('admin');
    expect((await admin.patch(`/api/users/${id}`, { role: 'viewer' })).statusCode).toBe(200);
    expect((await viewer.get('/api/users')).statusCode).toBe(403);
    const audit = (await admin.get(`/api/audit?entity=user&entityId=${id}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'update', before: { role: 'admin' }, after: { role: 'viewer' } });
  });

  it('a deactivated login cannot sign in and its sessions end; reactivated, it signs in again', async () => {
    const employee = await t.as('nhanvien@minhan.vn');
    expect((await employee.get('/api/auth/me')).statusCode).toBe(200);
    const { id } = await account('nhanvien@minhan.vn');
    expect(await sessionsOf(id)).toBeGreaterThan(0);
    expect((await admin.patch(`/api/users/${id}`, { active: false })).json()).toMatchObject({ active: false });
    expect(await sessionsOf(id)).toBe(0);
    expect((await employee.get('/api/auth/me')).statusCode).toBe(401);
    const denied = await signIn('nhanvien@minhan.vn', DEMO_PASSWORD);
    expect(denied.res.statusCode).toBe(401);
    expect(denied.res.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await admin.patch(`/api/users/${id}`, { active: true })).statusCode).toBe(200);
    expect((await signIn('nhanvien@minhan.vn', DEMO_PASSWORD)).res.statusCode).toBe(200);
  });

  it('a person who leaves loses their login: deactivating the person locks it and ends its sessions', async () => {
    const manager = await t.as('truong.kd@minhan.vn');
    const employee = await t.as('nhanvien@minhan.vn');
    const { id: userId, personId } = await account('nhanvien@minhan.vn');
    expect((await manager.patch(`/api/people/${personId}`, { active: false })).statusCode).toBe(200);
    expect(await sessionsOf(userId)).toBe(0);
    expect((await employee.get('/api/auth/me')).statusCode).toBe(401);
    expect((await signIn('nhanvien@minhan.vn', DEMO_PASSWORD)).res.statusCode).toBe(401);
    expect(await account('nhanvien@minhan.vn')).toMatchObject({ active: false });
    const audit = (await admin.get(`/api/audit?entity=user&entityId=${userId}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'update', before: { active: true }, after: { active: false } });
    // Coming back: the person is reactivated and an admin unlocks the login.
    expect((await manager.patch(`/api/people/${personId}`, { active: true })).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${userId}`, { active: true })).statusCode).toBe(200);
    expect((await signIn('nhanvien@minhan.vn', DEMO_PASSWORD)).res.statusCode).toBe(200);
  });

  it('the last active admin cannot be locked out by deactivating their person (409, the person stays active)', async () => {
    const { personId } = await account('admin@minhan.vn');
    const others = (await accounts()).filter((a) => a.role === 'admin' && a.active && a.email !== 'admin@minhan.vn');
    for (const o of others) expect((await admin.patch(`/api/users/${o.id}`, { role: 'manager' })).statusCode).toBe(200);
    const res = await admin.patch(`/api/people/${personId}`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('LAST_ADMIN');
    expect((await admin.get(`/api/people/${personId}`)).json()).toMatchObject({ active: true });
    for (const o of others) expect((await admin.patch(`/api/users/${o.id}`, { role: 'admin' })).statusCode).toBe(200);
  });

  it('the last active admin can be neither demoted nor deactivated (409 LAST_ADMIN, nothing changes)', async () => {
    const admins = (await accounts()).filter((a) => a.role === 'admin' && a.active);
    expect(admins.map((a) => a.email)).toEqual(['admin@minhan.vn']);
    const { id } = admins[0]!;
    admin.lang = 'en';
    for (const patch of [{ role: 'manager' }, { active: false }, { role: 'viewer', active: false }]) {
      const res = await admin.patch(`/api/users/${id}`, patch);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('LAST_ADMIN');
      expect(res.json().error.message).toMatch(/last active admin/);
    }
    admin.lang = 'vi';
    expect(await account('admin@minhan.vn')).toMatchObject({ role: 'admin', active: true });
    // With a second admin, the first may step down.
    const second = await account('truong.kd@minhan.vn');
    expect((await admin.patch(`/api/users/${second.id}`, { role: 'admin' })).statusCode).toBe(200);
    const manager = await t.as('truong.kd@minhan.vn');
    expect((await manager.patch(`/api/users/${id}`, { role: 'manager' })).statusCode).toBe(200);
    expect((await manager.patch(`/api/users/${second.id}`, { role: 'manager' })).json().error.code).toBe('LAST_ADMIN');
    expect((await manager.patch(`/api/users/${id}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${second.id}`, { role: 'manager' })).statusCode).toBe(200);
  });

  it('refuses bad input with a 4xx and changes nothing', async () => {
    const { id, personId } = await account('nhanvien@minhan.vn');
    const other = await account('truong.kd@minhan.vn');
    expect((await admin.patch(`/api/users/${id}`, { role: 'boss' })).statusCode).toBe(400);
    expect((await admin.patch(`/api/users/${id}`, { active: 'no' })).statusCode).toBe(400);
    expect((await admin.patch(`/api/users/999999`, { role: 'viewer' })).statusCode).toBe(404);
    const taken = await admin.patch(`/api/users/${id}`, { personId: other.personId });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('PERSON_HAS_LOGIN');
    expect((await admin.patch(`/api/users/${id}`, { personId: 2_000_000_000 })).statusCode).toBe(422);
    expect(await account('nhanvien@minhan.vn')).toMatchObject({ role: 'employee', active: true, personId });
    expect((await admin.post(`/api/users/${id}/reset-link`, {})).statusCode).toBe(200);
    const employee = await t.as('nhanvien@minhan.vn');
    expect((await employee.patch(`/api/users/${id}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await employee.post(`/api/users/${id}/reset-link`, {})).statusCode).toBe(403);
  });

  it('a reset link works once, ends every session of the user, and is refused after use or expiry', async () => {
    const employee = await t.as('nhanvien@minhan.vn');
    const { id } = await account('nhanvien@minhan.vn');
    const link = (await admin.post(`/api/users/${id}/reset-link`, {})).json();
    expect(link.path).toBe(`/reset-password#${link.token}`);
    const hours = (Date.parse(link.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const stored = await sql<{ token_hash: string }>`SELECT token_hash FROM password_resets WHERE user_id = ${id} AND used_at IS NULL`.execute(t.database.db);
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(link.token); // only the hash is kept

    const anon = await t.anonymous();
    expect((await anon.post('/api/auth/reset', { token: link.token, newPassword: 'short' })).statusCode).toBe(400);
    expect((await anon.post('/api/auth/reset', { token: link.token, newPassword: 'mat-khau-11' })).statusCode).toBe(400); // 11 < 12
    const ok = await anon.post('/api/auth/reset', { token: link.token, newPassword: 'mat-khau-moi-2026' });
    expect(ok.statusCode).toBe(200);
    expect((await employee.get('/api/auth/me')).statusCode).toBe(401);
    expect((await signIn('nhanvien@minhan.vn', DEMO_PASSWORD)).res.statusCode).toBe(401);
    expect((await signIn('nhanvien@minhan.vn', 'mat-khau-moi-2026')).res.statusCode).toBe(200);

    const again = await anon.post('/api/auth/reset', { token: link.token, newPassword: 'mat-khau-khac-2026' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('RESET_LINK_INVALID');
    expect((await signIn('nhanvien@minhan.vn', 'mat-khau-moi-2026')).res.statusCode).toBe(200);

    // A newer link replaces an older unused one; an expired link is refused.
    const older = (await admin.post(`/api/users/${id}/reset-link`, {})).json();
    const newer = (await admin.post(`/api/users/${id}/reset-link`, {})).json();
    expect((await anon.post('/api/auth/reset', { token: older.token, newPassword: 'mat-khau-khac-2026' })).json().error.code).toBe('RESET_LINK_INVALID');
    await sql`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = ${id}`.execute(t.database.db);
    expect((await anon.post('/api/auth/reset', { token: newer.token, newPassword: 'mat-khau-khac-2026' })).json().error.code).toBe('RESET_LINK_INVALID');
    // The published demo password is refused as a new password (it is on the list of known ones), and the link stays usable.
    const last = (await admin.post(`/api/users/${id}/reset-link`, {})).json();
    const known = await anon.post('/api/auth/reset', { token: last.token, newPassword: DEMO_PASSWORD });
    expect([known.statusCode, known.json().error.code, known.json().error.issues[0].path]).toEqual([422, 'PASSWORD_TOO_COMMON', 'newPassword']);
    expect((await signIn('nhanvien@minhan.vn', 'mat-khau-moi-2026')).res.statusCode).toBe(200);
    expect((await anon.post('/api/auth/reset', { token: last.token, newPassword: 'mat-khau-cuoi-2026' })).statusCode).toBe(200);
    // Put the demo password back for the tests after this one (not through the API, which refuses it).
    await sql`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'admin@minhan.vn') WHERE id = ${id}`.execute(t.database.db);
  });

  it('creates a login for a person without a password; the person signs in through a reset link', async () => {
    const units = (await admin.get('/api/org-units')).json().items as { id: number; code: string }[];
    const person = (await admin.post('/api/people', { fullName: 'Bùi Thị Mai', email: 'mai.bui@minhan.vn', unitId: units[0]!.id })).json();
    const created = await admin.post('/api/users', { email: 'mai.bui@minhan.vn', name: 'Bùi Thị Mai', role: 'manager', personId: person.id });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'manager', active: true, personId: person.id });
    expect((await admin.get(`/api/people/${person.id}`)).json().userId).toBe(created.json().id);
    const twice = await admin.post('/api/users', { email: 'mai2@minhan.vn', name: 'Mai 2', role: 'employee', personId: person.id });
    expect(twice.json().error.code).toBe('PERSON_HAS_LOGIN');
    expect((await accounts()).some((a) => a.email === 'mai2@minhan.vn')).toBe(false);

    const link = (await admin.post(`/api/users/${created.json().id}/reset-link`, {})).json();
    const anon = await t.anonymous();
    expect((await anon.post('/api/auth/reset', { token: link.token, newPassword: 'mai-mat-khau-1' })).statusCode).toBe(200);
    const { res } = await signIn('mai.bui@minhan.vn', 'mai-mat-khau-1');
    expect(res.json().user).toMatchObject({ role: 'manager', personId: person.id });
  });

  it('lists people in Vietnamese name order, given name first, across pages, after renames and after a backfill', async () => {
    const unit = (await admin.post('/api/org-units', { code: 'SORT-TEST', name: 'Thử thứ tự', parentId: null })).json();
    const names = ['Trần Thị Bình', 'Lê Huỳnh', 'Phạm Thị Hồ', 'Nguyễn Văn An', 'Đỗ Hoàng', 'Vũ Thu Hà', 'Nguyễn Văn Hà'];
    const ids: Record<string, number> = {};
    for (const fullName of names) ids[fullName] = (await admin.post('/api/people', { fullName, unitId: unit.id })).json().id;
    // By hand: An < Bình < Hà (Nguyễn Văn before Vũ Thu: N < V) < Hoàng < Hồ (o before ô) < Huỳnh.
    const expected = ['Nguyễn Văn An', 'Trần Thị Bình', 'Nguyễn Văn Hà', 'Vũ Thu Hà', 'Đỗ Hoàng', 'Phạm Thị Hồ', 'Lê Huỳnh'];
    const page = async (offset: number, limit = 3) =>
      ((await admin.get(`/api/people?unitId=${unit.id}&limit=${limit}&offset=${offset}`)).json().items as { fullName: string }[]).map((p) => p.fullName);
    expect([...(await page(0)), ...(await page(3)), ...(await page(6))]).toEqual(expected);

    expect((await admin.patch(`/api/people/${ids['Nguyễn Văn An']}`, { fullName: 'Nguyễn Văn Yên' })).statusCode).toBe(200);
    expect(await page(0, 10)).toEqual([...expected.slice(1), 'Nguyễn Văn Yên']);

    // Rows written before migration 0006 have no key: migrate() gives them one.
    await sql`UPDATE people SET sort_key = NULL WHERE unit_id = ${unit.id}`.execute(t.database.db);
    await migrate(t.database.db);
    expect(await page(0, 10)).toEqual([...expected.slice(1), 'Nguyễn Văn Yên']);
  });
});

describe.each(engines())('org chart summary on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it('gives people counts and heads of the units the reader may see the people of', async () => {
    const admin = await t.as('admin@minhan.vn');
    const units = (await admin.get('/api/org-units')).json().items as { id: number; code: string }[];
    const code = new Map(units.map((u) => [u.id, u.code]));
    const all = (await admin.get('/api/org-units/summary')).json().items as { unitId: number; people: number; head: { fullName: string } | null }[];
    const byCode = Object.fromEntries(all.map((s) => [code.get(s.unitId), s]));
    // examples/demo-company.yaml: KD-MB has Hoàng Thị Lan (team lead, reports to KD) and her 8 sales staff.
    expect(byCode['KD-MB']).toMatchObject({ people: 9, head: { fullName: 'Hoàng Thị Lan' } });
    expect(byCode['KD']).toMatchObject({ people: 1, head: { fullName: 'Lê Văn Đức' } });
    expect(byCode['MA']).toMatchObject({ people: 0, head: null });
    const manager = await t.as('truong.kd@minhan.vn');
    const seen = ((await manager.get('/api/org-units/summary')).json().items as { unitId: number }[]).map((s) => code.get(s.unitId)).sort();
    expect(seen).toEqual(['KD', 'KD-MB', 'KD-MN']);
    const employee = await t.as('nhanvien@minhan.vn');
    expect((await employee.get('/api/org-units/summary')).json().items).toEqual([]);
  });
});
