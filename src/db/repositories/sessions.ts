import type { Kysely } from 'kysely';
import type { Store } from '../../app/ports';
import type { DB } from '../schema';

export function sessionsRepo(db: Kysely<DB>): Store['sessions'] {
  return {
    async create(tokenHash, userId, expiresAt) {
      await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
    },
    async findUser(tokenHash, now) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.locale', 'users.active'])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', now)
        .where('users.active', '=', true)
        .executeTakeFirst();
      return row ?? null;
    },
    async delete(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
  };
}
