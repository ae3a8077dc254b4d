import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { fillMissingPeopleSortKeys } from './repositories/people';
import type { DB } from './schema';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export function migrationNames(): string[] {
  return readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/**
 * Applies every pending SQL migration, each in its own transaction, in file-name order.
 * An advisory lock keeps two processes starting at once from racing.
 */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  for (const name of migrationNames()) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(774411)`.execute(trx);
      const row = await trx.selectFrom('schema_migrations').select('name').where('name', '=', name).executeTakeFirst();
      if (row) return false;
      await sql.raw(readFileSync(join(migrationsDir, name), 'utf8')).execute(trx);
      await trx.insertInto('schema_migrations').values({ name }).execute();
      return true;
    });
    if (done) applied.push(name);
  }
  // Keys that SQL cannot compute (Vietnamese name order, migration 0006) for rows written before it.
  await fillMissingPeopleSortKeys(db);
  return applied;
}
