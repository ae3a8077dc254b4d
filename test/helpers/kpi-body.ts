/**
 * The body of POST /api/kpis for a plain monthly VND KPI entered by hand (sum, increase, reported within
 * 5 days), owned by `ownerId`; `extra` sets what a test cares about (status, targets …).
 */
export function manualKpiBody(code: string, name: string, ownerId: number | null, extra: Record<string, unknown> = {}) {
  return {
    code,
    name,
    level: 'operational',
    perspective: 'financial',
    unit: 'VND',
    direction: 'increase',
    aggregation: 'sum',
    frequency: 'monthly',
    source: 'manual',
    ownerId,
    measurerId: null,
    reportWithinDays: 5,
    baseline: null,
    parents: [],
    tags: [],
    status: 'active',
    ...extra,
  };
}
