import type { CohortPlan, RepeatSharePlan } from '../../core/dataset/cohort';
import type { MeasureQueryPlan } from '../../core/dataset/measure-query';
import type { DatasetColumnInfo, DatasetInfo } from '../../core/dataset/types';

/** Rows already encoded for the database (COPY text), opaque to the use-cases. */
export interface DatasetBatch {
  readonly rows: number;
}

/**
 * Encodes rows as they are parsed: their strings die young instead of waiting in memory for the write (at a
 * million rows, holding them costs more in garbage collection than parsing them).
 */
export interface DatasetEncoder {
  /** One row: the file's row number (for errors the database finds, such as repeated keys) and its values in column order, as canonical text (null = empty). */
  add(row: number, values: readonly (string | null)[]): void;
  readonly rows: number;
  /** The rows added since the last take; the encoder starts a new batch. */
  take(): DatasetBatch;
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
  /** Creates (or, when it exists, drops and re-creates) the table `ds_<name>` and its catalogue entry, empty and without indexes. */
  define(def: DatasetDefinition, createdBy: number | null): Promise<DatasetInfo>;
  /** Gives an existing dataset a key: a unique index, refused (DATASET_KEY_NOT_UNIQUE) when stored rows repeat a key. */
  setKey(dataset: DatasetInfo, keyColumns: string[]): Promise<DatasetInfo>;
  /** Empties the table (replace keeps the columns). */
  clear(dataset: DatasetInfo): Promise<void>;
  /** Datetimes without an offset are read in this zone for the rest of the transaction. */
  useTimeZone(timeZone: string): Promise<void>;
  /** Rows go by COPY: straight into the table, or for a keyed dataset into a staging table (`merge` then applies them). */
  openStaging(dataset: DatasetInfo): Promise<void>;
  encoder(dataset: DatasetInfo, into: 'table' | 'staging'): DatasetEncoder;
  copy(dataset: DatasetInfo, batch: DatasetBatch, into: 'table' | 'staging'): Promise<void>;
  /** Keys the staged rows repeat, with the rows of each (at most `limit` keys). */
  stagedDuplicates(dataset: DatasetInfo, limit: number): Promise<number[][]>;
  /** Staged rows into the table: a row whose key is stored replaces it. */
  merge(dataset: DatasetInfo): Promise<{ inserted: number; replaced: number }>;
  /** The indexes a table lacks (row id, key, date columns): built once after a first load, which is faster than row by row. */
  index(dataset: DatasetInfo): Promise<void>;
  /** Indexes as `index`, the row count and the time of the change, after a load. */
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
  /** The first event's value of the cohort's `firstBy` column (only when grouped by it). */
  first?: string | null;
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
