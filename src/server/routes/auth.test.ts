import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { startTestApp, type TestApp } from '../../../test/helpers/api';

describe.each(engines())('auth on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, { loginRateLimit: { max: 5, timeWindow: '1 minute' } });
  });
  afterAll(() => t.close());

  it('logs in with a session cookie and returns the user without any password', async () => {
    const client = await t.anonymous();
    const res = await client.post('/api/auth/login', { email: 'ADMIN@minhan.vn', password: 'openkpi-demo' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: {
        id: expect.any(Number),
        email: 'admin@minhan.vn',
        name: 'Phạm Quốc Huy',
        role: 'admin',
        locale: 'vi',
        personId: expect.any(Number),
        unitId: expect.any(Number),
        subtree: 'all',
      },
    });
    expect(res.body).not.toMatch(/password|scrypt/i);
    const cookie = res.cookies.find((c) => c.name === 'okpi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('rejects a wrong password with a stable code in the request language', async () => {
    const client = await t.anonymous();
    client.lang = 'en';
    const res = await client.post('/api/auth/login', { email: 'nhanvien@minhan.vn', password: 'nope' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' } });
  });

  it('requires a session for the API and a CSRF token for changes', async () => {
    const anon = await t.anonymous();
    expect((await anon.get('/api/people')).json().error.code).toBe('UNAUTHENTICATED');
    const admin = await t.as('admin@minhan.vn');
    const res = await admin.request({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' }, headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    expect((await admin.get('/api/auth/me')).json().user.locale).toBe('vi');
  });

  it('remembers the language per user and answers in it when no Accept-Language is sent', async () => {
    const client = await t.as('truong.ns@minhan.vn');
    expect((await client.patch('/api/auth/me', { locale: 'en' })).json().user.locale).toBe('en');
    const again = await t.as('truong.ns@minhan.vn');
    expect((await again.get('/api/auth/me')).json().user.locale).toBe('en');
    const res = await again.request({ method: 'GET', url: '/api/audit', headers: { 'accept-language': '' } });
    expect(res.json().error.message).toBe('You do not have permission to do this.');
  });

  it('tells the web app whether it is signed in without a 401', async () => {
    const anon = await t.anonymous();
    expect((await anon.get('/api/auth/session')).json()).toEqual({ user: null });
    const admin = await t.as('admin@minhan.vn');
    expect((await admin.get('/api/auth/session')).json().user.email).toBe('admin@minhan.vn');
  });

  it('logs out: the old cookie no longer works', async () => {
    const client = await t.as('ktt@minhan.vn');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('rate-limits login attempts per address and email', async () => {
    const client = await t.anonymous();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await client.post('/api/auth/login', { email: 'an.nguyen@minhan.vn', password: `wrong${i}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await client.post('/api/auth/login', { email: 'an.nguyen@minhan.vn', password: 'openkpi-demo' });
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
  });

  it('serves health and the OpenAPI document without login', async () => {
    const anon = await t.anonymous();
    expect((await anon.get('/api/health')).json()).toEqual({ status: 'ok', db: engine, version: 'test' });
    const doc = (await anon.get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/people', '/api/org-units/{id}', '/api/auth/login']));
  });
});
