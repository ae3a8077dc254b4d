import type { Kysely } from 'kysely';
import type { DatasetsStore } from '../../app/datasets/ports';
import type { DatasetInfo } from '../../core/dataset/types';
import type { DB, DatasetsTable } from '../schema';
import type { Selectable } from 'kysely';

function datasetFromRow(r: Selectable<DatasetsTable>): DatasetInfo {
  return {
    id: r.id,
    name: r.name,
    label: r.label,
    tableName: r.table_name,
    columns: r.columns,
    keyColumns: r.key_columns,
    rowCount: Number(r.row_count),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function datasetsRepo(db: Kysely<DB>): DatasetsStore {
  return {
    async get(name) {
      const r = await db.selectFrom('datasets').selectAll().where('name', '=', name).executeTakeFirst();
      return r ? datasetFromRow(r) : null;
    },
    async list() {
      return (await db.selectFrom('datasets').selectAll().orderBy('name').execute()).map(datasetFromRow);
    },
  };
}
