import type { KpiFrequency } from '../kpi/types';
import type { CalendarPeriodKind } from '../period';

const KIND: Record<KpiFrequency, CalendarPeriodKind> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };

/** The period kind a KPI's actuals are stored at; a KPI without a frequency is measured monthly. */
export function kindOfFrequency(frequency: KpiFrequency | null): CalendarPeriodKind {
  return frequency === null ? 'month' : KIND[frequency];
}
