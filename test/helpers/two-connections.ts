import type { Database, Engine } from '../../src/db/connect';
import { connect } from '../../src/db/connect';
import { freshDatabase, freshPostgresDatabase } from './db';

/**
 * One fresh migrated database reached as two app processes would: on PostgreSQL two connection pools, on PGlite the
 * one embedded connection shared (it has a single client). `close` closes both and drops the database.
 */
export async function twoConnections(engine: Engine): Promise<{ first: Database; second: Database; close(): Promise<void> }> {
  if (engine === 'pglite') {
    const only = await freshDatabase('pglite');
    return { first: only, second: only, close: () => only.close() };
  }
  const fresh = await freshPostgresDatabase({ migrated: true });
  const first = await connect({ databaseUrl: fresh.url });
  const second = await connect({ databaseUrl: fresh.url });
  return {
    first,
    second,
    async close() {
      await first.close();
      await second.close();
      await fresh.drop();
    },
  };
}
