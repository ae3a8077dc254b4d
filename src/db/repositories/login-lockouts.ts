import { sql, type Kysely } from 'kysely';
import type { Store } from '../../app/ports';
import type { DB } from '../schema';

/** Rows of e-mails nobody tried for a day and that are not locked are dropped whenever an e-mail gets locked. */
const FORGET_AFTER_MS = 86_400_000;

export function loginLockoutsRepo(db: Kysely<DB>): Store['loginLockouts'] {
  return {
    async lockedUntil(email, now) {
      const row = await db
        .selectFrom('login_lockouts')
        .select('locked_until')
        .where('email', '=', email)
        .where('locked_until', '>', now)
        .executeTakeFirst();
      return row?.locked_until ? new Date(row.locked_until) : null;
    },
    async recordFailure(email, now, threshold, lockUntil) {
      // One statement: parallel failures each count, and exactly one of them sets the lock.
      const row = await db
        .insertInto('login_lockouts')
        .values({ email, failures: 1, last_failure_at: now, locked_until: null })
        .onConflict((oc) =>
          oc.column('email').doUpdateSet({
            failures: sql<number>`CASE WHEN login_lockouts.failures + 1 >= ${threshold} THEN 0 ELSE login_lockouts.failures + 1 END`,
            locked_until: sql<Date | null>`CASE WHEN login_lockouts.failures + 1 >= ${threshold} THEN ${lockUntil}::timestamptz ELSE login_lockouts.locked_until END`,
            last_failure_at: now,
          }),
        )
        .returning('locked_until')
        .executeTakeFirstOrThrow();
      const locked = row.locked_until ? new Date(row.locked_until) : null;
      if (!locked || locked <= now) return null;
      await db
        .deleteFrom('login_lockouts')
        .where('last_failure_at', '<', new Date(now.getTime() - FORGET_AFTER_MS))
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .execute();
      return locked;
    },
    async clear(email) {
      await db.deleteFrom('login_lockouts').where('email', '=', email).execute();
    },
  };
}
