import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * The primary's WAL position now: every transaction committed before this call is at or below it. The insert
 * position, not `pg_current_wal_lsn()` (the write position): with synchronous_commit off a commit record can still
 * sit in the WAL buffers, behind the write position, and a replica past that position would not have our write.
 */
export async function primaryPosition(primary: Kysely<DB>): Promise<string> {
  const r = await sql<{ lsn: string }>`SELECT pg_current_wal_insert_lsn()::text AS lsn`.execute(primary);
  return r.rows[0]!.lsn;
}

/**
 * May this read go to the replica? Only when it is a standby that is streaming and keeping up (everything it
 * received is replayed, or its last replayed commit is younger than `maxLagSeconds`), and, when the reader
 * wrote at `wrotePosition`, only once the replica has replayed that far (read-your-own-writes).
 */
export async function replicaServes(replica: Kysely<DB>, wrotePosition: string | null, maxLagSeconds: number): Promise<boolean> {
  const r = await sql<{ ok: boolean | null }>`
    SELECT pg_is_in_recovery()
      AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming')
      AND (pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
           OR now() - pg_last_xact_replay_timestamp() < make_interval(secs => ${maxLagSeconds}))
      AND coalesce(pg_last_wal_replay_lsn() >= ${wrotePosition}::pg_lsn, ${wrotePosition === null}) AS ok`.execute(replica);
  return r.rows[0]?.ok === true;
}
