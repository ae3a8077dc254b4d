import { sql, type Kysely, type Selectable } from 'kysely';
import type { NotificationRecord, NotificationsStore } from '../../app/notifications/ports';
import type { DB, NotificationsTable } from '../schema';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toRecord(r: Selectable<NotificationsTable>): NotificationRecord {
  return {
    id: String(r.id),
    category: r.category,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    readAt: iso(r.read_at),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** In-app notifications and each user's e-mail preferences. */
export function notificationsRepo(db: Kysely<DB>): NotificationsStore {
  return {
    async insert(n) {
      const row = await db
        .insertInto('notifications')
        .values({
          user_id: n.userId,
          category: n.category,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          dedupe_key: n.dedupeKey,
          created_at: n.createdAt,
          digested_at: n.digestedAt,
        })
        .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row ? { id: String(row.id) } : null;
    },
    async usedDedupeKeys(pairs) {
      if (pairs.length === 0) return new Set();
      // Pairs as two arrays: one statement whatever their number, and the (user_id, dedupe_key) index is used.
      const { rows } = await sql<{ user_id: number; dedupe_key: string }>`
        SELECT n.user_id, n.dedupe_key FROM notifications n
        JOIN unnest(${pairs.map((p) => p.userId)}::int[], ${pairs.map((p) => p.dedupeKey)}::text[]) AS asked(user_id, dedupe_key)
          ON n.user_id = asked.user_id AND n.dedupe_key = asked.dedupe_key`.execute(db);
      return new Set(rows.map((r) => `${r.user_id}|${r.dedupe_key}`));
    },
    async list(userId, q) {
      let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
      if (q.unreadOnly) query = query.where('read_at', 'is', null);
      if (q.beforeId !== undefined) query = query.where('id', '<', q.beforeId);
      return (await query.orderBy('id', 'desc').limit(q.limit).execute()).map(toRecord);
    },
    async unreadCount(userId) {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async markRead(userId, ids, now) {
      if (ids !== null && ids.length === 0) return 0;
      let query = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
      if (ids !== null) query = query.where('id', 'in', ids);
      const res = await query.executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
    async preferences(userId) {
      const rows = await db.selectFrom('notification_preferences').select(['category', 'email']).where('user_id', '=', userId).execute();
      return Object.fromEntries(rows.map((r) => [r.category, r.email]));
    },
    async setPreferences(userId, prefs) {
      const rows = Object.entries(prefs).map(([category, email]) => ({ user_id: userId, category: category as NotificationsTable['category'], email: email! }));
      if (rows.length === 0) return;
      await db
        .insertInto('notification_preferences')
        .values(rows)
        .onConflict((oc) => oc.columns(['user_id', 'category']).doUpdateSet((eb) => ({ email: eb.ref('excluded.email') })))
        .execute();
    },
    async undigested(before, limit) {
      const rows = await db
        .selectFrom('notifications')
        .select(['id', 'user_id', 'title', 'body', 'link', 'created_at'])
        .where('digested_at', 'is', null)
        .where('created_at', '<', before)
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      return rows.map((r) => ({ id: String(r.id), userId: r.user_id, title: r.title, body: r.body, link: r.link, createdAt: new Date(r.created_at).toISOString() }));
    },
    async markDigested(ids, now) {
      if (ids.length === 0) return;
      await db.updateTable('notifications').set({ digested_at: now }).where('id', 'in', ids).where('digested_at', 'is', null).execute();
    },
  };
}
