import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../app/demo/demo-data';
import { ApiClient, startTestApp, type TestApp } from '../../test/helpers/api';
import { engines } from '../../test/helpers/db';
import { buildApp } from './app';

const sessionOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'okpi_session')?.value;

/** A GET with exactly this session cookie, like a second browser holding a copied cookie. */
const withCookie = (app: FastifyInstance, token: string, url = '/api/auth/me') =>
  app.inject({ method: 'GET', url, headers: { cookie: `okpi_session=${token}` } });

describe.each(engines())('sessions (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it('a second login gives a new session token and ends the one the browser sent', async () => {
    const client = await ApiClient.create(t.app);
    const first = sessionOf(await client.post('/api/auth/login', { email: 'ktt@minhan.vn', password: DEMO_PASSWORD }))!;
    expect((await withCookie(t.app, first)).statusCode).toBe(200);
    const second = sessionOf(await client.post('/api/auth/login', { email: 'ktt@minhan.vn', password: DEMO_PASSWORD }))!;
    expect(second).not.toBe(first);
    expect((await withCookie(t.app, first)).statusCode).toBe(401);
    expect((await withCookie(t.app, second)).json().user.email).toBe('ktt@minhan.vn');
  });

  it('rotates the CSRF secret at login: the token from before stops working, the one sent with the login works', async () => {
    const client = await ApiClient.create(t.app);
    const before = client.csrf;
    const login = await client.post('/api/auth/login', { email: 'truong.ns@minhan.vn', password: DEMO_PASSWORD });
    const after = login.headers['x-csrf-token'];
    expect(typeof after).toBe('string');
    expect(after).not.toBe(before);
    expect(login.cookies.find((c) => c.name === '_csrf')?.value).toEqual(expect.any(String));
    const stale = await client.request({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'vi' }, headers: { 'x-csrf-token': before } });
    expect([stale.statusCode, stale.json().error.code]).toEqual([403, 'CSRF_INVALID']);
    expect((await client.patch('/api/auth/me', { locale: 'vi' })).statusCode).toBe(200);
  });

  it('a password change ends every other session of that user and keeps the current one', async () => {
    const here = await t.as('truong.mkt@minhan.vn');
    const elsewhere = await t.as('truong.mkt@minhan.vn');
    const other = await t.as('admin@minhan.vn');
    const res = await here.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'new-secret-42' });
    expect(res.json()).toEqual({ ok: true });
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
    const anon = await t.anonymous();
    expect((await anon.post('/api/auth/login', { email: 'truong.mkt@minhan.vn', password: DEMO_PASSWORD })).statusCode).toBe(401);
    expect((await anon.post('/api/auth/login', { email: 'truong.mkt@minhan.vn', password: 'new-secret-42' })).statusCode).toBe(200);
  });

  it('refuses a password change with a wrong current password and changes nothing', async () => {
    const here = await t.as('an.nguyen@minhan.vn');
    const elsewhere = await t.as('an.nguyen@minhan.vn');
    here.lang = 'en';
    const res = await here.post('/api/auth/password', { currentPassword: 'guess', newPassword: 'new-secret-42' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: {
        code: 'WRONG_PASSWORD',
        message: 'The current password is wrong.',
        issues: [{ path: 'currentPassword', code: 'WRONG_PASSWORD', message: 'The current password is wrong.' }],
      },
    });
    // 11 characters: one short of the minimum (ASVS V2.1.1 asks for 12).
    const short = await here.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'mat-khau-11' });
    expect([short.statusCode, short.json().error.issues[0].path]).toEqual([400, 'newPassword']);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(200);
    expect((await (await t.anonymous()).post('/api/auth/login', { email: 'an.nguyen@minhan.vn', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('logout ends the session and clears the cookie with the attributes it was set with', async () => {
    const secureApp = await buildApp({ store: t.store, engine, version: 'test', now: () => new Date(), secureCookies: true });
    try {
      const client = await ApiClient.create(secureApp);
      const login = await client.post('/api/auth/login', { email: 'ktt@minhan.vn', password: DEMO_PASSWORD });
      const set = login.cookies.find((c) => c.name === 'okpi_session')!;
      expect([set.path, set.httpOnly, set.sameSite, set.secure]).toEqual(['/', true, 'Strict', true]);
      const logout = await client.post('/api/auth/logout');
      const cleared = logout.cookies.find((c) => c.name === 'okpi_session')!;
      expect([cleared.value, cleared.path, cleared.httpOnly, cleared.sameSite, cleared.secure]).toEqual(['', '/', true, 'Strict', true]);
      expect(cleared.expires!.getTime()).toBeLessThan(Date.now());
      expect((await withCookie(secureApp, set.value)).statusCode).toBe(401);
    } finally {
      await secureApp.close();
    }
  });
});

describe.each(engines())('the cached signed-in user (%s)', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  const clock = { now: new Date() };
  beforeAll(async () => {
    t = await startTestApp(engine);
    app = await buildApp({ store: t.store, engine, version: 'test', now: () => clock.now });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const login = async (email: string) => {
    const client = await ApiClient.create(app);
    expect((await client.post('/api/auth/login', { email, password: DEMO_PASSWORD })).statusCode).toBe(200);
    return client;
  };

  it('sees a person moved to another unit on the very next request', async () => {
    const admin = await login('admin@minhan.vn');
    const manager = await login('truong.kd@minhan.vn');
    const units = (await admin.get('/api/org-units')).json().items as { id: number; code: string }[];
    const mkt = units.find((u) => u.code === 'MKT')!.id;
    const me = (await manager.get('/api/auth/me')).json().user;
    const before = await manager.get(`/api/people?unitId=${mkt}`);
    expect(before.statusCode).toBe(403);
    expect((await admin.patch(`/api/people/${me.personId}`, { unitId: mkt })).statusCode).toBe(200);
    const after = await manager.get(`/api/people?unitId=${mkt}`);
    expect(after.statusCode).toBe(200);
    expect(after.json().items.length).toBeGreaterThan(0);
  });

  it('sees a role changed outside this process (CLI) on the next request: the write changed the data version', async () => {
    const viewer = await login('nhanvien@minhan.vn');
    expect((await viewer.get('/api/audit')).statusCode).toBe(403);
    expect((await viewer.get('/api/audit')).statusCode).toBe(403); // served from the cache
    const user = (await t.store.users.findByEmail('nhanvien@minhan.vn'))!;
    await t.store.users.update(user.id, { role: 'admin' });
    expect((await viewer.get('/api/audit')).statusCode).toBe(200);
  });

  it('ends a session 12 hours after login even while it is in use (absolute timeout)', async () => {
    const client = await login('ktt@minhan.vn');
    const start = clock.now.getTime();
    // Used every 20 minutes, so it never goes idle; the 36th step lands 1 s before the 12 hours are up.
    for (let step = 1; step <= 36; step++) {
      clock.now = new Date(start + Math.min(step * 20 * 60_000, 12 * 3_600_000 - 1_000));
      expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    }
    clock.now = new Date(start + 12 * 3_600_000 + 1_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session left unused for 30 minutes (idle timeout); each use starts the 30 minutes again', async () => {
    const client = await login('ktt@minhan.vn');
    const start = clock.now.getTime();
    clock.now = new Date(start + 29 * 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    clock.now = new Date(start + 58 * 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    clock.now = new Date(start + 88 * 60_000 + 1_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses the old cookie right after logout', async () => {
    const client = await ApiClient.create(app);
    const token = sessionOf(await client.post('/api/auth/login', { email: 'truong.ns@minhan.vn', password: DEMO_PASSWORD }))!;
    expect((await withCookie(app, token)).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await withCookie(app, token)).statusCode).toBe(401);
  });
});
