import { MEASURE_QUERY_LIMITS, planMeasureQuery, type GroupKind, type MeasureQueryRequest } from '../../core/dataset/measure-query';
import type { DatasetInfo } from '../../core/dataset/types';
import { DomainError } from '../../core/errors';
import type { Actor } from '../actor';
import { getCompany } from '../company/company';
import { COMPANY, notFound, policy } from '../policy';
import type { Store } from '../ports';

export type MeasureValue = string | number | boolean | null;

/** `columns`: the `by` columns, then the measures, in request order; each row has a value for every column. */
export interface MeasureQueryResult {
  columns: string[];
  rows: Record<string, MeasureValue>[];
}

/** The dataset named, after the permission check (a missing dataset is 404 only for those who may read datasets). */
export async function readableDataset(store: Store, actor: Actor, name: string): Promise<DatasetInfo> {
  policy.require(actor, 'dataset.read', COMPANY);
  const dataset = await store.datasets.get(name);
  if (!dataset) throw notFound({ vi: 'tập dữ liệu', en: 'Dataset' }, name);
  return dataset;
}

/**
 * Runs measures over a dataset, grouped by columns and periods in the company time zone, as one SQL statement.
 * Sums are exact in the database (NUMERIC); they become JSON numbers here, at the edge (exact to 15–17
 * significant digits, so below 2^53 for whole amounts).
 */
export async function queryDataset(store: Store, actor: Actor, name: string, request: MeasureQueryRequest): Promise<MeasureQueryResult> {
  const dataset = await readableDataset(store, actor, name);
  const { timezone } = await getCompany(store);
  const plan = planMeasureQuery(dataset, request, timezone);
  const rows = await store.datasetQueries.measures(plan, MEASURE_QUERY_LIMITS.rows);
  if (rows.length > MEASURE_QUERY_LIMITS.rows) {
    const max = MEASURE_QUERY_LIMITS.rows;
    throw new DomainError('QUERY_TOO_MANY_ROWS', {
      vi: `Kết quả có hơn ${max.toLocaleString('vi-VN')} nhóm: hãy nhóm theo kỳ dài hơn, bớt cột nhóm hoặc thêm điều kiện lọc.`,
      en: `The result has more than ${max.toLocaleString('en-US')} groups: use a longer grain, fewer group columns or a filter.`,
    });
  }
  const columns = [...plan.groups.map((g) => g.name), ...plan.measures.map((m) => m.name)];
  return {
    columns,
    rows: rows.map((r) => {
      const row: Record<string, MeasureValue> = {};
      plan.groups.forEach((g, i) => (row[g.name] = groupValue(r.groups[i], g.kind)));
      plan.measures.forEach((m, i) => (row[m.name] = r.measures[i] === null ? null : Number(r.measures[i])));
      return row;
    }),
  };
}

function groupValue(value: unknown, kind: GroupKind): MeasureValue {
  if (value === null || value === undefined) return null;
  if (kind === 'number') return Number(value);
  if (kind === 'boolean') return Boolean(value);
  return String(value);
}
