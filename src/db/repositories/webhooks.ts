import type { Kysely, Selectable } from 'kysely';
import type { Webhook, WebhooksStore } from '../../app/webhooks/ports';
import type { DB, WebhookDeliveriesTable, WebhooksTable } from '../schema';
import { dueIds } from './due-queue';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toWebhook(r: Selectable<WebhooksTable>): Webhook {
  return { id: r.id, name: r.name, url: r.url, events: r.events, active: r.active, createdAt: new Date(r.created_at).toISOString() };
}

function toDelivery(r: Selectable<WebhookDeliveriesTable>) {
  return {
    id: String(r.id),
    webhookId: r.webhook_id,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: new Date(r.next_attempt_at).toISOString(),
    responseCode: r.response_code,
    lastError: r.last_error,
    deliveredAt: iso(r.delivered_at),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

const WEBHOOK_COLUMNS = ['id', 'name', 'url', 'events', 'active', 'created_at', 'updated_at', 'secret'] as const;

/** Webhooks, their secrets and the delivery log. */
export function webhooksRepo(db: Kysely<DB>): WebhooksStore {
  return {
    async list() {
      return (await db.selectFrom('webhooks').select(WEBHOOK_COLUMNS).orderBy('id').execute()).map(toWebhook);
    },
    async findById(id) {
      const row = await db.selectFrom('webhooks').select(WEBHOOK_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toWebhook(row) : null;
    },
    async secretOf(id) {
      const row = await db.selectFrom('webhooks').select('secret').where('id', '=', id).executeTakeFirst();
      return row?.secret ?? null;
    },
    async create(w) {
      const row = await db
        .insertInto('webhooks')
        .values({ name: w.name, url: w.url, secret: w.secret, events: w.events, active: w.active })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toWebhook(row);
    },
    async update(id, w, now) {
      const row = await db
        .updateTable('webhooks')
        .set({ name: w.name, url: w.url, events: w.events, active: w.active, updated_at: now, ...(w.secret ? { secret: w.secret } : {}) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toWebhook(row) : null;
    },
    async delete(id) {
      const res = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    },
    async activeFor(event) {
      return db
        .selectFrom('webhooks')
        .select('id')
        .where('active', '=', true)
        .where((eb) => eb(eb.val(event), '=', eb.fn.any('events')))
        .orderBy('id')
        .execute();
    },
    async enqueue(d, now, dueAt = now) {
      const row = await db
        .insertInto('webhook_deliveries')
        .values({ webhook_id: d.webhookId, event: d.event, payload: JSON.stringify(d.payload), next_attempt_at: dueAt, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return String(row.id);
    },
    async claimDue(now, leaseUntil, limit) {
      const claimed = await db
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: leaseUntil })
        .where('id', 'in', dueIds('webhook_deliveries', now, limit))
        .returning(['id', 'webhook_id', 'event', 'payload', 'created_at', 'attempts'])
        .execute();
      if (claimed.length === 0) return [];
      const hooks = await db
        .selectFrom('webhooks')
        .select(['id', 'url', 'secret'])
        .where('id', 'in', [...new Set(claimed.map((c) => c.webhook_id))])
        .execute();
      const byId = new Map(hooks.map((h) => [h.id, h]));
      return claimed
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((c) => ({
          id: String(c.id),
          event: c.event,
          payload: c.payload,
          createdAt: new Date(c.created_at).toISOString(),
          attempts: c.attempts,
          url: byId.get(c.webhook_id)!.url,
          secret: byId.get(c.webhook_id)!.secret,
        }));
    },
    async markDelivered(id, responseCode, now) {
      await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({ status: 'delivered', attempts: eb('attempts', '+', 1), response_code: responseCode, delivered_at: now, last_error: null }))
        .where('id', '=', id)
        .execute();
    },
    async markFailed(id, responseCode, error, nextAttemptAt) {
      await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          response_code: responseCode,
          last_error: error.slice(0, 2000),
          ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt } : { status: 'failed' as const }),
        }))
        .where('id', '=', id)
        .execute();
    },
    async deliveries(webhookId, limit) {
      return (await db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('id', 'desc').limit(limit).execute()).map(toDelivery);
    },
  };
}
