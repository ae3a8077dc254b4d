import { readConfig } from '../config';
import { checkDataDir } from '../db/check-data-dir';
import { connect, type Database } from '../db/connect';
import { migrate } from '../db/migrate';

/** Opens the database the server would use (DATABASE_URL or OPENKPI_DATA_DIR), migrated. */
export async function openDatabase(): Promise<Database> {
  const config = readConfig();
  if (!config.databaseUrl) checkDataDir(config.dataDir);
  const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database.db);
  return database;
}

/** Runs `fn` with the database and always closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
