import type { Store } from '../../ports';
import { LIBRARY } from './kpi-library';
import { REPORT_WITHIN_DAYS } from './write-values';

/** The KPI library (36 active monthly KPIs measured by hand), through the store. Returns code → id. */
export async function writeKpis(store: Store): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const k of LIBRARY) {
    const id = await store.kpis.create({
      code: k.code,
      name: k.name,
      nameEn: k.nameEn,
      level: 'operational',
      perspective: k.perspective,
      group: k.group,
      unit: k.unit,
      direction: k.direction,
      aggregation: k.aggregation,
      frequency: 'monthly',
      source: 'manual',
      ownerId: null,
      measurerId: null,
      reportWithinDays: REPORT_WITHIN_DAYS,
      baseline: null,
      tags: ['scale'],
      status: 'active',
    });
    ids.set(k.code, id);
  }
  return ids;
}
