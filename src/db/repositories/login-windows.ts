import { sql, type Kysely } from 'kysely';
import type { Store } from '../../app/ports';
import type { DB } from '../schema';

export function loginWindowsRepo(db: Kysely<DB>): Store['loginWindows'] {
  return {
    async take(windows, now, windowMs) {
      const resetAt = new Date(now.getTime() + windowMs);
      // Keys in one order, so two attempts sharing keys lock their rows in the same order (no deadlock).
      const sorted = [...windows].sort((a, b) => a.keyHash.localeCompare(b.keyHash));
      const run = async (tx: Kysely<DB>) => {
        const rows = await tx
          .insertInto('login_windows')
          .values(sorted.map((w) => ({ key_hash: w.keyHash, attempts: 1, reset_at: resetAt })))
          .onConflict((oc) =>
            oc.column('key_hash').doUpdateSet({
              attempts: sql<number>`CASE WHEN login_windows.reset_at <= ${now}::timestamptz THEN 1 ELSE login_windows.attempts + 1 END`,
              reset_at: sql<Date>`CASE WHEN login_windows.reset_at <= ${now}::timestamptz THEN excluded.reset_at ELSE login_windows.reset_at END`,
            }),
          )
          .returning(['key_hash', 'attempts', 'reset_at'])
          .execute();
        const max = new Map(sorted.map((w) => [w.keyHash, w.max]));
        const full = rows.filter((r) => r.attempts > max.get(r.key_hash)!);
        if (full.length === 0) return { ok: true as const };
        // Refused: this attempt is not counted (the rows stay locked by this transaction until it ends).
        await tx
          .updateTable('login_windows')
          .set({ attempts: sql<number>`attempts - 1` })
          .where('key_hash', 'in', sorted.map((w) => w.keyHash))
          .execute();
        return { ok: false as const, resetAt: new Date(Math.max(...full.map((r) => new Date(r.reset_at).getTime()))) };
      };
      return db.isTransaction ? run(db) : db.transaction().execute(run);
    },
    async giveBack(keyHashes) {
      if (keyHashes.length === 0) return;
      await db
        .updateTable('login_windows')
        .set({ attempts: sql<number>`greatest(attempts - 1, 0)` })
        .where('key_hash', 'in', keyHashes)
        .execute();
    },
    async prune(now) {
      await db.deleteFrom('login_windows').where('reset_at', '<=', now).execute();
    },
  };
}
