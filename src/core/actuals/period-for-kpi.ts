import type { KpiFrequency } from '../kpi';
import type { CalendarPeriodKind } from '../period';

const KIND_OF: Record<KpiFrequency, CalendarPeriodKind> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };

/** The period kind a KPI of this frequency is measured in. */
export function periodKindOf(frequency: KpiFrequency): CalendarPeriodKind {
  return KIND_OF[frequency];
}
