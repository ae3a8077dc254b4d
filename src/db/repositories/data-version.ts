import { sql, type Kysely } from 'kysely';
import type { Store } from '../../app/ports';
import type { DB } from '../schema';

/** The data version of migration 0013: the sum of its shards, as text (bigint). */
export function dataVersionRepo(db: Kysely<DB>): Store['dataVersion'] {
  return {
    async read() {
      const { rows } = await sql<{ v: string }>`SELECT sum(version)::text AS v FROM data_version`.execute(db);
      return rows[0]?.v ?? '0';
    },
  };
}
