import type { KpiWrite, Store } from '../ports';

/** Test-only: a KPI write with sensible defaults (monthly, sum, manual, active, 5 days to report). */
export function kpiWrite(code: string, fields: Partial<KpiWrite> = {}): KpiWrite {
  return {
    code,
    name: `KPI ${code}`,
    level: 'operational',
    perspective: 'financial',
    group: null,
    unit: 'VND',
    direction: 'increase',
    aggregation: 'sum',
    frequency: 'monthly',
    source: 'manual',
    formula: null,
    ownerId: null,
    measurerId: null,
    reportWithinDays: 5,
    baseline: null,
    tags: [],
    status: 'active',
    ...fields,
  };
}

/** Test-only: REV and COST (entered) and PROFIT = [REV] - [COST], MARGIN = [PROFIT] / [REV] (computed). */
export async function createProfitKpis(store: Store, fields: Partial<KpiWrite> = {}): Promise<Record<'REV' | 'COST' | 'PROFIT' | 'MARGIN', number>> {
  return {
    REV: await store.kpis.create(kpiWrite('REV', fields)),
    COST: await store.kpis.create(kpiWrite('COST', { ...fields, direction: 'decrease' })),
    PROFIT: await store.kpis.create(kpiWrite('PROFIT', { source: 'formula', formula: '[REV] - [COST]' })),
    MARGIN: await store.kpis.create(kpiWrite('MARGIN', { source: 'formula', formula: '[PROFIT] / [REV]', unit: '%' })),
  };
}
