import { sql, type Kysely, type Selectable } from 'kysely';
import type { MissReasonInput } from '../../app/subscriptions/digest-rules';
import type { Subscription, SubscriptionsStore } from '../../app/subscriptions/ports';
import type { DB, ReportSubscriptionsTable } from '../schema';

function toSubscription(r: Selectable<ReportSubscriptionsTable>): Subscription {
  return {
    id: r.id,
    userId: r.user_id,
    report: r.report,
    cadence: r.cadence,
    format: r.format,
    scope: r.scope,
    lastSentKey: r.last_sent_key,
    createdAt: new Date(r.created_at),
  };
}

/** Report subscriptions, the working calendar and the miss reasons the digest reads. */
export function subscriptionsRepo(db: Kysely<DB>): SubscriptionsStore {
  return {
    async listOfUser(userId) {
      const rows = await db.selectFrom('report_subscriptions').selectAll().where('user_id', '=', userId).orderBy('id').execute();
      return rows.map(toSubscription);
    },
    async create(s) {
      const row = await db
        .insertInto('report_subscriptions')
        .values({ user_id: s.userId, report: s.report, cadence: s.cadence, format: s.format, scope: s.scope })
        .onConflict((oc) => oc.columns(['user_id', 'report', 'cadence', 'scope']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toSubscription(row) : null;
    },
    async deleteOwn(userId, id) {
      const res = await db.deleteFrom('report_subscriptions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    },
    async listByCadence(cadence) {
      const rows = await db.selectFrom('report_subscriptions').selectAll().where('cadence', '=', cadence).orderBy('id').execute();
      return rows.map(toSubscription);
    },
    async claim(id, key) {
      const row = await db
        .updateTable('report_subscriptions')
        .set({ last_sent_key: key })
        .where('id', '=', id)
        .where(sql<boolean>`last_sent_key IS DISTINCT FROM ${key}`)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },
    async missReasons(scope, periodKey) {
      const rows = await db
        .selectFrom('kpi_miss_reasons as r')
        .innerJoin('kpis as k', 'k.id', 'r.kpi_id')
        .select(['k.code', 'r.reason', 'r.comment', 'r.controllable'])
        .where('r.scope_type', '=', scope.type)
        .where('r.scope_id', '=', scope.id ?? 0)
        .where('r.period_key', '=', periodKey)
        .orderBy('k.code')
        .orderBy('r.reason')
        .execute();
      const out = new Map<string, MissReasonInput[]>();
      for (const r of rows) {
        const list = out.get(r.code) ?? [];
        list.push({ reason: r.reason, comment: r.comment, controllable: r.controllable });
        out.set(r.code, list);
      }
      return out;
    },
  };
}
