import type { CohortPlan, RepeatSharePlan } from '../../core/dataset/cohort';
import type { MeasureQueryPlan } from '../../core/dataset/measure-query';
import type { DatasetColumnInfo, DatasetInfo } from '../../core/dataset/types';

/** One file row on its way to a dataset table: values in column order as canonical COPY text (null = empty). */
export interface DatasetRow {
  /** The file's row number, for errors found by the database (duplicate keys). */
  row: number;
  values: readonly (string | null)[];
}

export interface DatasetDefinition {
  name: string;
  label: string;
  columns: DatasetColumnInfo[];
  keyColumns: string[];
}

/** The dataset catalogue and tables (db/repositories/datasets.ts). */
export interface DatasetsStore {
  get(name: string): Promise<DatasetInfo | null>;
  list(): Promise<DatasetInfo[]>;
  /** Reads the dataset and holds its name until the transaction ends: imports of one dataset run one after another. */
  lock(name: string): Promise<DatasetInfo | null>;
  /** Creates (or, when it exists, drops and re-creates) the table `ds_<name>` and its catalogue entry, empty. */
  define(def: DatasetDefinition, createdBy: number | null): Promise<DatasetInfo>;
  /** Gives an existing dataset a key: a unique index, refused (DATASET_KEY_NOT_UNIQUE) when stored rows repeat a key. */
  setKey(dataset: DatasetInfo, keyColumns: string[]): Promise<DatasetInfo>;
  /** Empties the table (replace keeps the columns). */
  clear(dataset: DatasetInfo): Promise<void>;
  /** Datetimes without an offset are read in this zone for the rest of the transaction. */
  useTimeZone(timeZone: string): Promise<void>;
  /** Rows go by COPY: straight into the table, or for a keyed dataset into a staging table (`merge` then applies them). */
  openStaging(dataset: DatasetInfo): Promise<void>;
  copy(dataset: DatasetInfo, rows: readonly DatasetRow[], into: 'table' | 'staging'): Promise<void>;
  /** Keys the staged rows repeat, with the rows of each (at most `limit` keys). */
  stagedDuplicates(dataset: DatasetInfo, limit: number): Promise<number[][]>;
  /** Staged rows into the table: a row whose key is stored replaces it. */
  merge(dataset: DatasetInfo): Promise<{ inserted: number; replaced: number }>;
  /** Date indexes, the row count and the time of the change, after a load. */
  finish(dataset: DatasetInfo): Promise<DatasetInfo>;
  /** A page of rows in stored order, values as JSON-safe text/booleans (numbers exact, as strings). */
  rows(dataset: DatasetInfo, offset: number, limit: number): Promise<Record<string, string | boolean | null>[]>;
}

/** One group of a measure query: group values in `by` order, measures as exact NUMERIC text (null = no value). */
export interface MeasureRow {
  groups: unknown[];
  measures: (string | null)[];
}

/** Per cohort (or period for the repeat share): customers, and those returning (or who had bought before). */
export interface CohortCount {
  period: string;
  customers: number;
  returning: number;
}

/**
 * Running compiled measures and cohorts over dataset tables (db/repositories/dataset-queries.ts). Each call is one
 * SQL statement run in the database; only the grouped result comes back.
 */
export interface DatasetQueriesStore {
  /** At most `maxRows + 1` groups, in group order (the caller refuses more than `maxRows`). */
  measures(plan: MeasureQueryPlan, maxRows: number): Promise<MeasureRow[]>;
  cohorts(plan: CohortPlan, timeZone: string): Promise<CohortCount[]>;
  repeatShare(plan: RepeatSharePlan, timeZone: string): Promise<CohortCount[]>;
}
