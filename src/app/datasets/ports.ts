import type { CohortPlan, RepeatSharePlan } from '../../core/dataset/cohort';
import type { MeasureQueryPlan } from '../../core/dataset/measure-query';
import type { DatasetInfo } from '../../core/dataset/types';

/** The dataset catalogue and tables (db/repositories/datasets.ts). The import part adds its writes here. */
export interface DatasetsStore {
  get(name: string): Promise<DatasetInfo | null>;
  list(): Promise<DatasetInfo[]>;
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
