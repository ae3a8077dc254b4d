import type { Kysely } from 'kysely';
import type { Store } from '../../app/ports';
import type { DB } from '../schema';

export function sessionsRepo(db: Kysely<DB>): Store['sessions'] {
  return {
    async create(tokenHash, userId, expiresAt, now) {
      await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt, last_seen_at: now }).execute();
    },
    async findActive(tokenHash, now, seenAfter) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.locale', 'users.active', 'sessions.expires_at', 'sessions.last_seen_at'])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', now)
        .where('sessions.last_seen_at', '>', seenAfter)
        .where('users.active', '=', true)
        .executeTakeFirst();
      if (!row) return null;
      const { expires_at, last_seen_at, ...user } = row;
      return { user, expiresAt: new Date(expires_at), lastSeenAt: new Date(last_seen_at) };
    },
    async touch(tokenHash, now) {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).where('last_seen_at', '<', now).execute();
    },
    async delete(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async deleteForUser(userId, exceptTokenHash) {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptTokenHash !== null) q = q.where('token_hash', '<>', exceptTokenHash);
      await q.execute();
    },
  };
}
