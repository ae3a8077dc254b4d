import { sql, type RawBuilder } from 'kysely';

/**
 * The ids of a delivery queue's pending rows that are due at `now`, oldest first, locked for this transaction
 * and skipped by any other claimer (`FOR UPDATE SKIP LOCKED`), so two app instances never take the same row.
 */
export function dueIds(table: 'mail_outbox' | 'webhook_deliveries', now: Date, limit: number): RawBuilder<string> {
  return sql<string>`(SELECT id FROM ${sql.table(table)} WHERE status = 'pending' AND next_attempt_at <= ${now}
    ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)`;
}
