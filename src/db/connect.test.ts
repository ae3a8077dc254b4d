import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { connect } from './connect';

describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL connection pool', () => {
  it('survives the server closing an idle connection, and reconnects', async () => {
    const seen: Error[] = [];
    const database = await connect({ databaseUrl: process.env.DATABASE_URL, onIdleError: (e) => seen.push(e) });
    try {
      const { sql } = await import('kysely');
      const pid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db)).rows[0]!.pid;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.map((e) => (e as { code?: string }).code)).toEqual(['57P01']);
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db)).rows[0]!.one).toBe(1);
    } finally {
      await database.close();
    }
  });
});
