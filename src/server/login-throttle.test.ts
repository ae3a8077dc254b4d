import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../app/demo/demo-data';
import { startTestApp, type TestApp } from '../../test/helpers/api';
import { engines } from '../../test/helpers/db';
import { sql } from 'kysely';
import type { Database } from '../db/connect';
import { createStore } from '../db/store';
import { twoConnections } from '../../test/helpers/two-connections';
import { LoginThrottle, parseDuration } from './login-throttle';

describe('login throttle durations', () => {
  it('reads durations', () => {
    expect([parseDuration('15 minutes'), parseDuration('1 minute'), parseDuration('30 seconds'), parseDuration('1 hour'), parseDuration('500ms')]).toEqual([
      900_000, 60_000, 30_000, 3_600_000, 500,
    ]);
    expect(() => parseDuration('soon')).toThrow('Unknown duration: soon');
  });
});

describe.each(engines())('login throttle windows in the database (%s)', (engine) => {
  let first: Database;
  let second: Database;
  let close = async () => {};
  beforeAll(async () => {
    ({ first, second, close } = await twoConnections(engine));
  });
  afterAll(() => close());

  it('counts failures per address and e-mail, and per address across e-mails; successes are given back; windows end', async () => {
    const clock = { t: Date.UTC(2026, 11, 6, 8, 0, 0) };
    const start = clock.t;
    const throttle = new LoginThrottle(createStore(first.db), 'login', { max: 2, maxPerAddress: 3, timeWindow: '1 minute' }, () => new Date(clock.t));
    const ok = async (ip: string, email: string) => (await throttle.attempt(ip, email)).ok;
    expect([await ok('1.1.1.1', 'a@x.vn'), await ok('1.1.1.1', 'A@x.vn '), await ok('1.1.1.1', 'a@x.vn')]).toEqual([true, true, false]);
    expect([await ok('1.1.1.1', 'b@x.vn'), await ok('1.1.1.1', 'c@x.vn')]).toEqual([true, false]); // 3 per address used up
    expect(await ok('2.2.2.2', 'a@x.vn')).toBe(true); // another address has its own count
    clock.t = start + 45_000;
    expect(await throttle.attempt('1.1.1.1', 'd@x.vn')).toEqual({ ok: false, retryAfterSeconds: 15 });
    clock.t = start + 60_000;
    expect(await ok('1.1.1.1', 'c@x.vn')).toBe(true);
    for (let i = 0; i < 10; i++) {
      const attempt = await throttle.attempt('3.3.3.3', 'boss@x.vn');
      if (attempt.ok) await attempt.succeeded();
      expect(attempt.ok).toBe(true);
    }
    // Reset links are counted apart from logins, and the table holds no address or e-mail.
    const reset = new LoginThrottle(createStore(first.db), 'reset', { max: 2, maxPerAddress: 3, timeWindow: '1 minute' }, () => new Date(clock.t));
    clock.t = start + 45_000;
    expect((await reset.attempt('1.1.1.1', 'd@x.vn')).ok).toBe(true);
    const stored = await sql<{ key_hash: string }>`SELECT key_hash FROM login_windows`.execute(first.db);
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(stored.rows.filter((r) => /1\.1\.1\.1|x\.vn/.test(r.key_hash))).toEqual([]);
  });

  it('is one limit for every app instance: failures on two instances add up', async () => {
    const clock = () => new Date(Date.UTC(2026, 11, 6, 9, 0, 0));
    const limits = { max: 4, maxPerAddress: 6, timeWindow: '15 minutes' };
    const onA = new LoginThrottle(createStore(first.db), 'login', limits, clock);
    const onB = new LoginThrottle(createStore(second.db), 'login', limits, clock);
    const answers: boolean[] = [];
    // A sprayer alternates instances and e-mails: 6 attempts in all are allowed, not 6 per instance.
    for (let i = 0; i < 8; i++) answers.push((await (i % 2 === 0 ? onA : onB).attempt('9.9.9.9', `user${i}@x.vn`)).ok);
    expect(answers).toEqual([true, true, true, true, true, true, false, false]);
    // Attempts that arrive together are each counted once: 10 at once from a fresh address, 6 allowed.
    const together = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? onA : onB).attempt('8.8.8.8', `u${i}@x.vn`)));
    expect(together.filter((a) => a.ok).length).toBe(6);
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
