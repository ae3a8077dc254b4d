import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../db/store';
import { freshDatabase } from '../../test/helpers/db';
import type { Database } from '../db/connect';
import { buildApp } from './app';
import { redactUrl } from './log-redaction';

describe('redactUrl', () => {
  it('replaces the value of secret query parameters and keeps the rest', () => {
    expect(redactUrl('/api/v1/actuals?access_token=okpi_abc&x=1')).toBe('/api/v1/actuals?access_token=[REDACTED]&x=1');
    expect(redactUrl('/api/health?token=t1&Api-Key=k&password=p&period=2026-01')).toBe('/api/health?token=[REDACTED]&Api-Key=[REDACTED]&password=[REDACTED]&period=2026-01');
    expect(redactUrl('/api/x?%74oken=hidden')).toBe('/api/x?%74oken=[REDACTED]');
    expect(redactUrl('/api/people?unitId=3')).toBe('/api/people?unitId=3');
  });
});

describe('request logs', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
  });
  afterAll(() => database.close());

  it('never contain a token from the query string, a cookie or an Authorization header', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp(
      { store: createStore(database.db), engine: 'pglite', version: 'test', now: () => new Date() },
      { logger: { level: 'info', stream } },
    );
    await app.inject({ method: 'POST', url: '/api/v1/actuals?access_token=okpi_SECRET1', payload: { actuals: [] } });
    await app.inject({ method: 'GET', url: '/api/health?token=SECRET2', headers: { cookie: 'okpi_session=SECRET3', authorization: 'Bearer okpi_SECRET4' } });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/api/v1/actuals?access_token=[REDACTED]');
    expect(log).toContain('/api/health?token=[REDACTED]');
    expect(log).not.toMatch(/SECRET/);
  });

  it('never contain the failing row of a database error, which can hold a password hash or an SMTP password', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp({ store: createStore(database.db), engine: 'pglite', version: 'test', now: () => new Date() }, { logger: { level: 'info', stream } });
    // A real CHECK violation: the database puts the whole row, secret included, into the error's detail.
    const error = await sql`INSERT INTO login_lockouts (email, failures, last_failure_at) VALUES (${'smtp://user:SECRET6@mail'}, ${-1}, now())`
      .execute(database.db)
      .then(() => null, (e: unknown) => e as { detail?: string });
    expect(error?.detail).toContain('SECRET6');
    app.log.error({ err: error }, 'unhandled error');
    await app.close();
    const log = lines.join('');
    expect(log).toContain('login_lockouts_failures_check');
    expect(log).not.toContain('SECRET6');
  });
});
