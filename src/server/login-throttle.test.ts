import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../app/demo/demo-data';
import { startTestApp, type TestApp } from '../../test/helpers/api';
import { engines } from '../../test/helpers/db';
import { LoginThrottle, parseDuration } from './login-throttle';

describe('login throttle (in memory)', () => {
  it('reads durations', () => {
    expect([parseDuration('15 minutes'), parseDuration('1 minute'), parseDuration('30 seconds'), parseDuration('1 hour'), parseDuration('500ms')]).toEqual([
      900_000, 60_000, 30_000, 3_600_000, 500,
    ]);
    expect(() => parseDuration('soon')).toThrow('Unknown duration: soon');
  });

  it('counts failures per address and e-mail, and per address across e-mails; successes are given back; windows end', () => {
    const clock = { t: 0 };
    const throttle = new LoginThrottle({ max: 2, maxPerAddress: 3, timeWindow: '1 minute' }, () => clock.t);
    const ok = (ip: string, email: string) => throttle.attempt(ip, email).ok;
    expect([ok('1.1.1.1', 'a@x.vn'), ok('1.1.1.1', 'A@x.vn '), ok('1.1.1.1', 'a@x.vn')]).toEqual([true, true, false]);
    expect([ok('1.1.1.1', 'b@x.vn'), ok('1.1.1.1', 'c@x.vn')]).toEqual([true, false]); // 3 per address used up
    expect(ok('2.2.2.2', 'a@x.vn')).toBe(true); // another address has its own count
    clock.t = 45_000;
    expect(throttle.attempt('1.1.1.1', 'd@x.vn')).toEqual({ ok: false, retryAfterSeconds: 15 });
    clock.t = 60_000;
    expect(ok('1.1.1.1', 'c@x.vn')).toBe(true);
    for (let i = 0; i < 10; i++) {
      const attempt = throttle.attempt('3.3.3.3', 'boss@x.vn');
      if (attempt.ok) attempt.succeeded();
      expect(attempt.ok).toBe(true);
    }
  });
});

describe.each(engines())('login throttling over HTTP (%s)', (engine) => {
  let t: TestApp;
  let csrf: { cookie: string; token: string };
  beforeAll(async () => {
    t = await startTestApp(engine, { loginRateLimit: { max: 3, maxPerAddress: 5, timeWindow: '15 minutes' } });
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/csrf' });
    csrf = { cookie: `_csrf=${res.cookies.find((c) => c.name === '_csrf')!.value}`, token: res.json().token };
  });
  afterAll(() => t.close());

  const loginFrom = (ip: string, email: string, password: string, lang: 'vi' | 'en' = 'vi') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, headers: { 'accept-language': lang, cookie: csrf.cookie, 'x-csrf-token': csrf.token }, payload: { email, password } });

  it('stops password spraying: one address trying many e-mails is blocked with 429, Retry-After and a vi/en message', async () => {
    const codes: number[] = [];
    for (const email of ['a@minhan.vn', 'b@minhan.vn', 'c@minhan.vn', 'd@minhan.vn', 'e@minhan.vn', 'f@minhan.vn']) {
      codes.push((await loginFrom('10.0.0.1', email, 'Summer2026!')).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await loginFrom('10.0.0.1', 'admin@minhan.vn', DEMO_PASSWORD, 'en');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({ error: { code: 'RATE_LIMITED', message: 'Too many failed logins. Try again in 15 minutes.' } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(890);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
    const vi = await loginFrom('10.0.0.1', 'admin@minhan.vn', DEMO_PASSWORD);
    expect(vi.json().error.message).toBe('Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút.');
    expect((await loginFrom('10.0.0.2', 'admin@minhan.vn', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('limits guesses at one account from one address sooner, and lets successful logins through', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await loginFrom('10.0.0.3', 'ktt@minhan.vn', `guess${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    for (let i = 0; i < 8; i++) expect((await loginFrom('10.0.0.4', 'truong.ns@minhan.vn', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});
