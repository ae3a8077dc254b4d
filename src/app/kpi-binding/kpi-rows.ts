import type { DatasetColumnInfo } from '../../core/dataset/types';
import { DomainError } from '../../core/errors';
import { planBindingRows, scopeKeyOf } from '../../core/kpi-binding';
import { parsePeriod } from '../../core/period';
import type { Actor } from '../actor';
import { getCompany } from '../company/company';
import { findKpiByCode } from '../kpi/find-kpi';
import { COMPANY, kpiResponsibility, notFound, policy, scopeTargetOf } from '../policy';
import type { Store, TargetScope } from '../ports';
import { resolveScope, scopeKey } from '../scope';

export interface KpiRowsPage {
  dataset: string;
  columns: DatasetColumnInfo[];
  period: string;
  total: number;
  offset: number;
  rows: Record<string, string | boolean | null>[];
}

/**
 * The drill-through: the dataset rows behind a bound KPI's number for a period and scope — the rows dated in
 * the period (company calendar) that pass the measure's own `where`, for a unit or person only those whose scope
 * column holds a value mapped to it. Needs numbers.read on the scope and dataset.read.
 */
export async function kpiRows(store: Store, actor: Actor, code: string, q: { period: string; scope: TargetScope; offset: number; limit: number }): Promise<KpiRowsPage> {
  const kpi = await findKpiByCode(store, code);
  const target = await resolveScope(store, q.scope);
  policy.require(actor, 'numbers.read', scopeTargetOf(target, kpiResponsibility(kpi)));
  policy.require(actor, 'dataset.read', COMPANY);
  const binding = kpi.source === 'dataset' ? await store.kpiBindings.get(kpi.id) : null;
  if (!binding) throw new DomainError('KPI_NOT_BOUND', { vi: `KPI ${code} chưa được liên kết với tập dữ liệu nào.`, en: `KPI ${code} is not bound to a dataset.` });
  const dataset = await store.datasets.get(binding.dataset);
  if (!dataset) throw notFound({ vi: 'tập dữ liệu', en: 'Dataset' }, binding.dataset);
  const period = parsePeriod(q.period);
  const { timezone } = await getCompany(store);
  const plan = planBindingRows(dataset, binding, timezone);
  const key = scopeKey(q.scope);
  const scopeValues = q.scope.type === 'company' ? null : binding.scopes.filter((m) => scopeKeyOf(m.scope) === key).map((m) => m.value);
  if (scopeValues !== null && (scopeValues.length === 0 || !plan.scopeValue)) {
    return { dataset: dataset.name, columns: dataset.columns, period: period.key, total: 0, offset: q.offset, rows: [] };
  }
  const page = await store.kpiBindings.rows(dataset, plan, { range: { from: period.start, to: period.end }, scopeValues }, { offset: q.offset, limit: q.limit });
  return { dataset: dataset.name, columns: dataset.columns, period: period.key, offset: q.offset, ...page };
}
