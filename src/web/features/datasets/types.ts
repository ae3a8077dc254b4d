import type { z } from 'zod';
import type { CohortResult, MeasureQueryResult } from '../../../contract/dataset-queries';
import type { Dataset, DatasetColumn, DatasetImportResult, DatasetList, DatasetPreview, DatasetRows } from '../../../contract/datasets';

// Types only: the zod schemas stay out of the web bundle.
export type DatasetT = z.infer<typeof Dataset>;
export type DatasetColumnT = z.infer<typeof DatasetColumn>;
export type DatasetListT = z.infer<typeof DatasetList>;
export type DatasetRowsT = z.infer<typeof DatasetRows>;
export type DatasetPreviewT = z.infer<typeof DatasetPreview>;
export type DatasetImportResultT = z.infer<typeof DatasetImportResult>;
export type MeasureQueryResultT = z.infer<typeof MeasureQueryResult>;
export type CohortResultT = z.infer<typeof CohortResult>;

export type ColumnType = DatasetColumnT['type'];
export const COLUMN_TYPES: readonly ColumnType[] = ['text', 'integer', 'decimal', 'date', 'datetime', 'boolean'];
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

/** The options of an import: as the CLI flags (types only those the user changed). */
export interface ImportOptions {
  mode: 'append' | 'replace';
  key: string[];
  types: Record<string, ColumnType>;
}
