import Fastify from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../test/process/spawn-server';
import { errorHandler } from './error-handler';
import { isDatabaseUnavailable } from './db-unavailable';

/** The error a real pg client gives, caught (so the test uses what node-postgres really throws, not a hand-made copy). */
async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the database call to fail');
}

/** What the error handler answers for an error thrown by a route. */
async function answerFor(error: unknown): Promise<{ status: number; code: string; retryAfter: string | undefined }> {
  const app = Fastify();
  app.setErrorHandler(errorHandler);
  app.get('/boom', async () => {
    throw error;
  });
  const res = await app.inject({ method: 'GET', url: '/boom', headers: { 'accept-language': 'en' } });
  await app.close();
  return { status: res.statusCode, code: (res.json() as { error: { code: string } }).error.code, retryAfter: res.headers['retry-after'] as string | undefined };
}

describe('database unavailable → 503 DB_UNAVAILABLE', () => {
  it('a connection refused by a port nobody listens on (a stopped PostgreSQL) is 503 with Retry-After', async () => {
    const port = await freePort();
    const error = await caught(() => new pg.Pool({ connectionString: `postgres://x@127.0.0.1:${port}/x` }).query('SELECT 1'));
    expect((error as { code: string }).code).toBe('ECONNREFUSED');
    expect(await answerFor(error)).toEqual({ status: 503, code: 'DB_UNAVAILABLE', retryAfter: '5' });
  });

  it.runIf(process.env.DATABASE_URL)('a backend terminated by the server (57P01, as in a fast shutdown) is 503, and so is the next use of that client', async () => {
    const victim = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await victim.connect();
    await admin.connect();
    victim.on('error', () => undefined);
    try {
      const pid = (await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const sleeping = caught(() => victim.query('SELECT pg_sleep(30)'));
      for (let i = 0; i < 100; i++) {
        const r = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND query LIKE 'SELECT pg_sleep%'`, [pid]);
        if (r.rowCount) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      const terminated = await sleeping;
      expect((terminated as { code: string }).code).toBe('57P01');
      expect(await answerFor(terminated)).toMatchObject({ status: 503, code: 'DB_UNAVAILABLE' });
      const reused = await caught(() => victim.query('SELECT 1'));
      expect(await answerFor(reused)).toMatchObject({ status: 503, code: 'DB_UNAVAILABLE' });
    } finally {
      await admin.end();
      await victim.end().catch(() => undefined);
    }
  });

  it.each([
    ['57P03 cannot_connect_now (starting up)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['08006 connection_failure', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['08001 unable to establish', Object.assign(new Error('could not connect'), { code: '08001' })],
    ['08003 connection does not exist', Object.assign(new Error('no connection'), { code: '08003' })],
    ['"Connection terminated unexpectedly" (socket closed under a query)', new Error('Connection terminated unexpectedly')],
    ['"Connection terminated due to connection timeout"', new Error('Connection terminated due to connection timeout')],
    ['a wrapped cause', new Error('query failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) })],
    ['an AggregateError of a dual-stack connect', Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], ''), {})],
  ])('%s is 503 DB_UNAVAILABLE', async (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await answerFor(error)).toMatchObject({ status: 503, code: 'DB_UNAVAILABLE' });
  });

  it.each([
    ['a unique violation stays 409 CONFLICT', Object.assign(new Error('duplicate'), { code: '23505' }), 409, 'CONFLICT'],
    ['a check violation stays 400', Object.assign(new Error('check'), { code: '23514' }), 400, 'VALIDATION_FAILED'],
    ['a syntax error in SQL stays 500 (a bug, not an outage)', Object.assign(new Error('syntax'), { code: '42601' }), 500, 'INTERNAL'],
    ['a plain bug stays 500', new TypeError('x is undefined'), 500, 'INTERNAL'],
  ])('%s', async (_what, error, status, code) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(await answerFor(error)).toMatchObject({ status, code });
  });
});
