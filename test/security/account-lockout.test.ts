import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-data';
import { buildApp } from '../../src/server/app';
import { ApiClient, startTestApp, type TestApp } from '../helpers/api';
import { engines } from '../helpers/db';

const LOCK_MS = 15 * 60_000;

/** A login from its own client address, with its own CSRF secret, like a different machine each time. */
async function loginFrom(app: FastifyInstance, address: string, email: string, password: string) {
  const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf', remoteAddress: address });
  const secret = csrf.cookies.find((c) => c.name === '_csrf')!.value;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: address,
    headers: { cookie: `_csrf=${secret}`, 'x-csrf-token': (csrf.json() as { token: string }).token, 'accept-language': 'en' },
    payload: { email, password },
  });
  return { status: res.statusCode, code: (res.json() as { error?: { code: string; message: string } }).error?.code, message: (res.json() as { error?: { message: string } }).error?.message, retryAfter: res.headers['retry-after'] };
}

/** Wrong passwords for one e-mail, each from another address (the per-address throttle never sees two). */
async function guess(app: FastifyInstance, email: string, prefix: string, times = 10) {
  const answers = [];
  for (let i = 1; i <= times; i++) answers.push(await loginFrom(app, `10.${prefix}.0.${i}`, email, `wrong-${i}`));
  return answers;
}

describe.each(engines())('account lockout across client addresses (%s)', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  const clock = { now: new Date('2026-06-01T02:00:00Z') };
  beforeAll(async () => {
    t = await startTestApp(engine);
    // The per-address throttle at its production default: the lock must come from the account count, not from it.
    app = await buildApp({ store: t.store, engine, version: 'test', now: () => clock.now, sessionLimits: { absoluteMs: 86_400_000, idleMs: 86_400_000 } });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('locks an account after 10 wrong passwords in a row from 10 addresses, even against the right password, with a clear message', async () => {
    const answers = await guess(app, 'truong.kd@minhan.vn', '1');
    expect(answers.slice(0, 9).map((a) => a.code)).toEqual(Array(9).fill('INVALID_CREDENTIALS'));
    expect(answers[9]).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: String(LOCK_MS / 1000) });
    expect(answers[9]!.message).toBe(
      'This login is locked after 10 wrong passwords in a row. Try again in 15 minutes, or ask an admin for a password reset link (a new password unlocks it at once).',
    );
    const right = await loginFrom(app, '10.1.1.1', 'TRUONG.KD@minhan.vn', DEMO_PASSWORD);
    expect(right).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    // Another account from an address that took part is not affected.
    expect((await loginFrom(app, '10.1.0.1', 'admin@minhan.vn', DEMO_PASSWORD)).status).toBe(200);
  });

  it('answers an e-mail without a login exactly like a real one, so a lock tells nobody which e-mails exist', async () => {
    const real = await guess(app, 'nhanvien@minhan.vn', '2');
    const unknown = await guess(app, 'nobody-here@minhan.vn', '3');
    const shape = (a: { status: number; code?: string; message?: string; retryAfter?: unknown }) => [a.status, a.code, a.message, a.retryAfter];
    expect(unknown.map(shape)).toEqual(real.map(shape));
    expect(unknown[9]!.status).toBe(429);
  });

  it('unlocks by itself after 15 minutes, and a successful login starts the count again', async () => {
    const email = 'ktt@minhan.vn';
    await guess(app, email, '4');
    clock.now = new Date(clock.now.getTime() + LOCK_MS - 1_000);
    expect((await loginFrom(app, '10.4.1.1', email, DEMO_PASSWORD)).status).toBe(429);
    clock.now = new Date(clock.now.getTime() + 2_000);
    expect((await loginFrom(app, '10.4.1.2', email, DEMO_PASSWORD)).status).toBe(200);
    // Nine failures, a success, nine failures: never ten in a row, never locked.
    for (let round = 0; round < 2; round++) {
      const nine = await guess(app, email, `5${round}`, 9);
      expect(nine.every((a) => a.code === 'INVALID_CREDENTIALS')).toBe(true);
      expect((await loginFrom(app, '10.4.1.3', email, DEMO_PASSWORD)).status).toBe(200);
    }
  });

  it('unlocks at once when the user sets a new password with an admin reset link', async () => {
    const email = 'truong.ns@minhan.vn';
    await guess(app, email, '6');
    expect((await loginFrom(app, '10.6.1.1', email, DEMO_PASSWORD)).status).toBe(429);
    const admin = await ApiClient.signedIn(app, 'admin@minhan.vn');
    const user = (await t.store.users.findByEmail(email))!;
    const link = (await admin.post(`/api/users/${user.id}/reset-link`, {})).json() as { token: string };
    const anon = await ApiClient.create(app);
    expect((await anon.post('/api/auth/reset', { token: link.token, newPassword: 'mat-khau-moi-2026' })).statusCode).toBe(200);
    expect((await loginFrom(app, '10.6.1.2', email, 'mat-khau-moi-2026')).status).toBe(200);
  });
});
