import type { Kysely } from 'kysely';
import { reminderKeyText, type RemindersStore } from '../../app/reminders/ports';
import type { DB } from '../schema';

/** The reminder log (each reminder claimed exactly once by its primary key). */
export function remindersRepo(db: Kysely<DB>): RemindersStore {
  return {
    async claim(k, sentAt) {
      const row = await db
        .insertInto('reminder_log')
        .values({
          kpi_id: k.kpiId,
          scope_type: k.scope.type,
          scope_id: k.scope.type === 'company' ? 0 : k.scope.id,
          period_key: k.periodKey,
          stage: k.stage,
          recipient_user_id: k.recipientUserId,
          sent_at: sentAt,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('kpi_id')
        .executeTakeFirst();
      return row !== undefined;
    },
    async sentFor(periodKeys) {
      if (periodKeys.length === 0) return new Set();
      const rows = await db.selectFrom('reminder_log').selectAll().where('period_key', 'in', [...periodKeys]).execute();
      return new Set(
        rows.map((r) =>
          reminderKeyText({
            kpiId: r.kpi_id,
            scope: r.scope_type === 'company' ? { type: 'company', id: null } : { type: r.scope_type, id: r.scope_id },
            periodKey: r.period_key,
            stage: r.stage,
            recipientUserId: r.recipient_user_id,
          }),
        ),
      );
    },
  };
}
