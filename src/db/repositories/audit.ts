import type { Kysely } from 'kysely';
import type { Store } from '../../app/ports';
import type { DB } from '../schema';

export function auditRepo(db: Kysely<DB>): Store['audit'] {
  return {
    async record(entries) {
      if (entries.length === 0) return;
      await db
        .insertInto('audit_log')
        .values(
          entries.map((e) => ({
            actor_user_id: e.actorUserId,
            actor_name: e.actorName,
            action: e.action,
            entity: e.entity,
            entity_id: e.entityId,
            before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
            after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
          })),
        )
        .execute();
    },
    async list(q) {
      let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(q.limit);
      if (q.entity) query = query.where('entity', '=', q.entity);
      if (q.entityId) query = query.where('entity_id', '=', q.entityId);
      if (q.beforeId) query = query.where('id', '<', q.beforeId);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        actorName: r.actor_name,
        system: r.actor_user_id === null,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      }));
    },
  };
}
