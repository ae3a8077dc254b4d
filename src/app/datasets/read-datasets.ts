import type { DatasetInfo } from '../../core/dataset/types';
import type { Actor } from '../actor';
import { COMPANY, notFound, policy } from '../policy';
import type { Store } from '../ports';

export const MAX_ROWS_PAGE = 500;

export async function listDatasets(store: Store, actor: Actor): Promise<DatasetInfo[]> {
  policy.require(actor, 'dataset.read', COMPANY);
  return store.datasets.list();
}

export async function getDataset(store: Store, actor: Actor, name: string): Promise<DatasetInfo> {
  policy.require(actor, 'dataset.read', COMPANY);
  const d = await store.datasets.get(name);
  if (!d) throw notFound({ vi: 'tập dữ liệu', en: 'Dataset' }, name);
  return d;
}

/** A page of a dataset's rows in stored order (drill-through). */
export async function readDatasetRows(store: Store, actor: Actor, name: string, page: { offset: number; limit: number }) {
  const dataset = await getDataset(store, actor, name);
  const rows = await store.datasets.rows(dataset, page.offset, Math.min(page.limit, MAX_ROWS_PAGE));
  return { columns: dataset.columns, total: dataset.rowCount, offset: page.offset, rows };
}
