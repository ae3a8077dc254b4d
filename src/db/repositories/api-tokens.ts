import type { Kysely, Selectable } from 'kysely';
import type { ApiToken, Store } from '../../app/ports';
import type { ApiTokensTable, DB } from '../schema';

function toToken(r: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.token_prefix,
    kpiCodes: r.kpi_codes,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
    revoked: r.revoked_at !== null,
  };
}

export function apiTokensRepo(db: Kysely<DB>): Store['apiTokens'] {
  return {
    async create(t) {
      const row = await db
        .insertInto('api_tokens')
        .values({ name: t.name, token_hash: t.tokenHash, token_prefix: t.prefix, kpi_codes: t.kpiCodes, created_by: t.createdBy })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toToken(row);
    },
    async findActiveByHash(hash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
      return row ? toToken(row) : null;
    },
    async list() {
      return (await db.selectFrom('api_tokens').selectAll().orderBy('id').execute()).map(toToken);
    },
    async revoke(id) {
      const res = await db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
    async touch(id) {
      await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', id).execute();
    },
    async claimIdempotent(tokenId, key, requestHash) {
      const claimed = await db
        .insertInto('idempotency_keys')
        .values({ token_id: tokenId, key, request_hash: requestHash, response: 'null' })
        .onConflict((oc) => oc.columns(['token_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (claimed) return null;
      const row = await db
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'response'])
        .where('token_id', '=', tokenId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      return { requestHash: row.request_hash, response: row.response };
    },
    async saveIdempotent(tokenId, key, response) {
      await db
        .updateTable('idempotency_keys')
        .set({ response: JSON.stringify(response) })
        .where('token_id', '=', tokenId)
        .where('key', '=', key)
        .execute();
    },
  };
}
