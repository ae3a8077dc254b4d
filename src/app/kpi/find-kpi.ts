import { notFound } from '../policy';
import type { KpiRecord, Store } from '../ports';

/** The KPI with this code, or a 404 `NOT_FOUND` error. */
export async function findKpiByCode(store: Store, code: string): Promise<KpiRecord> {
  const kpi = await store.kpis.findByCode(code);
  if (!kpi) throw notFound({ vi: 'KPI', en: 'KPI' }, code);
  return kpi;
}
