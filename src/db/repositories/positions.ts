import type { Kysely } from 'kysely';
import type { Store } from '../../app/ports';
import type { DB } from '../schema';

export function positionsRepo(db: Kysely<DB>): Store['positions'] {
  return {
    async list() {
      return db.selectFrom('positions').select(['id', 'code', 'name']).where('archived_at', 'is', null).orderBy('name').execute();
    },
    async findById(id) {
      return (await db.selectFrom('positions').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
    },
    async update(id, patch) {
      return db.updateTable('positions').set(patch).where('id', '=', id).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
    },
    async create(input) {
      return db.insertInto('positions').values(input).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
    },
  };
}
