import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database, type Engine } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { pgliteFromTemplate, sourceHash, templateDump } from './pglite-template';

/** What a migrated template depends on. */
export const MIGRATION_SOURCES = ['src/db/migrations', 'src/db/migrate.ts'];

const migrateTemplate = async (database: Database): Promise<void> => void (await migrate(database.db));

/** A migrated PGlite cluster as a dump, to start a data folder on disk from (see `connect`'s `loadDataDir`). */
export function migratedPgliteDump(): Promise<Blob> {
  return templateDump('migrated', MIGRATION_SOURCES, migrateTemplate);
}

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
    if (options.migrated !== false) return pgliteFromTemplate('migrated', MIGRATION_SOURCES, migrateTemplate);
    database = await connect({ dataDir: 'memory://' });
  } else {
    const fresh = await freshPostgresDatabase({ migrated: options.migrated !== false });
    const inner = await connect({ databaseUrl: fresh.url });
    database = {
      ...inner,
      async close() {
        await inner.close();
        await fresh.drop();
      },
    };
  }
  return database;
}

/** A database of its own on a PostgreSQL server, and how to drop it. */
export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new database on the DATABASE_URL server (or `adminUrl`'s), for code that connects by URL (e.g. a spawned server):
 * empty; with `migrated` a copy of a migrated template database (CREATE DATABASE … TEMPLATE takes a fraction of
 * running the migrations); with `copyOf` a copy of that database, which must have no one connected.
 */
export async function freshPostgresDatabase(options: { migrated?: boolean; copyOf?: string; adminUrl?: string } = {}): Promise<PostgresDatabase> {
  const adminUrl = options.adminUrl ?? process.env.DATABASE_URL!;
  const name = `okpi_test_${randomBytes(6).toString('hex')}`;
  const template = options.copyOf ? new URL(options.copyOf).pathname.slice(1) : options.migrated ? await migratedPostgresTemplate(adminUrl) : null;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return { url: databaseUrl(adminUrl, name), drop: async () => void (await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))) };
}

let postgresTemplate: Promise<string> | undefined;

/** The migrated template database for the current migrations, built once per server under an advisory lock. */
function migratedPostgresTemplate(adminUrl: string): Promise<string> {
  postgresTemplate ??= (async () => {
    const name = `okpi_template_${sourceHash(MIGRATION_SOURCES)}`;
    await withClient(adminUrl, async (c) => {
      await c.query('SELECT pg_advisory_lock(74140001)');
      try {
        if ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) return;
        const building = `${name}_building`;
        await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${building}`);
        const database = await connect({ databaseUrl: databaseUrl(adminUrl, building) });
        await migrate(database.db);
        await database.close();
        await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      } finally {
        await c.query('SELECT pg_advisory_unlock(74140001)');
      }
    });
    return name;
  })();
  return postgresTemplate;
}

/** `serverUrl` with its database name replaced by `name`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `fn` with one plain pg client connected to `url`, closed afterwards. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
