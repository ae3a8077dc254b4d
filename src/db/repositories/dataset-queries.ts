import type { Kysely } from 'kysely';
import type { DatasetQueriesStore } from '../../app/datasets/ports';
import type { DB } from '../schema';

export function datasetQueriesRepo(_db: Kysely<DB>): DatasetQueriesStore {
  return {};
}
