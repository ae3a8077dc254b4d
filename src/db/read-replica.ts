import type { Store } from '../app/ports';
import type { Database } from './connect';
import { primaryPosition, replicaServes } from './replica-position';
import { createStore } from './store';

/** A replica that lags more than this (and has WAL left to replay) is skipped: reads go to the primary. */
export const MAX_REPLICA_LAG_SECONDS = 10;

/** What the server needs of a replica (server/read-replica.ts `ReadReplica`). */
export interface ReplicaReads {
  store: Store;
  writePosition(): Promise<string>;
  serves(wrotePosition: string | null): Promise<boolean>;
}

/** The read replica of a database opened with DATABASE_READ_URL, or undefined when there is none. */
export function readReplicaOf(database: Database): ReplicaReads | undefined {
  if (database.readDb === database.db) return undefined;
  return {
    store: createStore(database.readDb),
    writePosition: () => primaryPosition(database.db),
    serves: (wrote) => replicaServes(database.readDb, wrote, MAX_REPLICA_LAG_SECONDS),
  };
}
