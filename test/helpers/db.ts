import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database, type Engine } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';

/** The engines this run tests: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function engines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database on the given engine. On PostgreSQL each call creates its own
 * database (dropped on close), so test files never see each other's rows.
 */
export async function freshDatabase(engine: Engine, options: { migrated?: boolean } = {}): Promise<Database> {
  let database: Database;
  if (engine === 'pglite') {
    database = await connect({ dataDir: 'memory://' });
  } else {
    const fresh = await freshPostgresDatabase();
    const inner = await connect({ databaseUrl: fresh.url });
    database = {
      ...inner,
      async close() {
        await inner.close();
        await fresh.drop();
      },
    };
  }
  if (options.migrated !== false) await migrate(database.db);
  return database;
}

/** An empty database on the DATABASE_URL server, for code that connects by URL (e.g. a spawned server). */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `okpi_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

async function withAdmin(url: string, fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
