/** A dataset column type: what the import infers (or the user overrides) and how the table column is typed. */
export type DatasetColumnType = 'text' | 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean';

export const DATASET_COLUMN_TYPES: readonly DatasetColumnType[] = ['text', 'integer', 'decimal', 'date', 'datetime', 'boolean'];

export interface DatasetColumnInfo {
  /** Safe identifier (`Order ID` → `order_id`), also the SQL column name. */
  name: string;
  /** The header as the file had it. */
  label: string;
  type: DatasetColumnType;
}

/** A dataset as the catalogue (table `datasets`) describes it. */
export interface DatasetInfo {
  id: number;
  name: string;
  label: string;
  /** `ds_<name>`. */
  tableName: string;
  columns: DatasetColumnInfo[];
  keyColumns: string[];
  rowCount: number;
  updatedAt: string;
}
