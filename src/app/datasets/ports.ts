import type { DatasetInfo } from '../../core/dataset/types';

/** The dataset catalogue and tables (db/repositories/datasets.ts). The import part adds its writes here. */
export interface DatasetsStore {
  get(name: string): Promise<DatasetInfo | null>;
  list(): Promise<DatasetInfo[]>;
}

/** Running compiled measures and cohorts over dataset tables (db/repositories/dataset-queries.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DatasetQueriesStore {}
