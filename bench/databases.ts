import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Database, type Engine } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { freshPostgresDatabase } from '../test/helpers/db';

/**
 * A fresh, migrated database for one benchmark on one engine, closed and removed afterwards. PGlite keeps its data
 * folder on disk, as `npm start` does: its in-memory file system slows down as tables grow, which no user sees.
 */
export async function withDatabase<T>(engine: Engine, fn: (database: Database) => Promise<T>): Promise<T> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'okpi-bench-'));
    const database = await connect({ dataDir });
    try {
      await migrate(database.db);
      return await fn(database);
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const fresh = await freshPostgresDatabase();
  const database = await connect({ databaseUrl: fresh.url });
  try {
    await migrate(database.db);
    return await fn(database);
  } finally {
    await database.close();
    await fresh.drop();
  }
}

/** Runs `fn` on each engine of the run in turn, each in its own fresh database. */
export async function onEachEngine<T>(engines: Engine[], fn: (engine: Engine, database: Database) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (const engine of engines) out.push(await withDatabase(engine, (database) => fn(engine, database)));
  return out;
}
