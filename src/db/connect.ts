import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { clientWithCopy, copyFromBlob, copyFromStdin } from './copy';
import type { DB } from './schema';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  /** Where dashboard and report reads may go: a streaming replica (DATABASE_READ_URL), else `db` itself. */
  readDb: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball (after a checkpoint), loadable with `loadDataDir`. */
  dump?: () => Promise<Blob>;
}

export interface ConnectOptions {
  /** `postgres://…`: use a PostgreSQL server. Otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` for a throwaway in-memory database. */
  dataDir?: string | undefined;
  /** PGlite only: start from this data-folder dump (PGlite's dumpDataDir) instead of an empty cluster. */
  loadDataDir?: Blob | undefined;
  /** `postgres://…` of a streaming replica for dashboard and report reads (PostgreSQL only). */
  databaseReadUrl?: string | undefined;
  /** Told when the server closes an idle PostgreSQL connection (logged by the server). */
  onIdleError?: ((error: Error) => void) | undefined;
}

// NUMERIC and BIGINT arrive as strings from both engines (exact); we convert where we read them.
// DATE stays a 'YYYY-MM-DD' string: a JS Date would shift it by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** The only place that chooses the engine. Everything else speaks Kysely. */
export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, Client: clientWithCopy(copyFromStdin) });
    survivesLostConnections(pool, options.onIdleError);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const readDb = options.databaseReadUrl ? openReadDb(options.databaseReadUrl, options.onIdleError) : db;
    return {
      db,
      readDb,
      engine: 'postgres',
      close: async () => {
        if (readDb !== db) await readDb.destroy();
        await db.destroy();
      },
    };
  }
  const dataDir = options.dataDir ?? './data';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const pool = new pg.Pool({ ...createPgConfig(pglite), Client: clientWithCopy(copyFromBlob(pglite)) });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    readDb: db,
    engine: 'pglite',
    async dump() {
      await pglite.query('CHECKPOINT');
      return pglite.dumpDataDir('none');
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** The read replica's own pool: reads only, so no COPY client; an idle connection it loses is only reported. */
function openReadDb(url: string, onIdleError: ((error: Error) => void) | undefined): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  survivesLostConnections(pool, onIdleError);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * A connection closed by the server (restart, failover, admin) must not crash the process. The pool handles idle
 * connections; a connection checked out between two queries (e.g. inside a transaction) emits 'error' on the client
 * itself, which would otherwise be an unhandled 'error' event. Either way the request in flight fails (503
 * DB_UNAVAILABLE), the pool drops the broken connection on release, and the next query opens a new one.
 */
function survivesLostConnections(pool: pg.Pool, onError: ((error: Error) => void) | undefined): void {
  pool.on('error', (error) => onError?.(error));
  // Not reported here: an idle client's error also reaches the pool's listener above (reported once), and a
  // checked-out client's error fails the query that uses it next, which the request reports.
  pool.on('connect', (client) => client.on('error', () => undefined));
}
