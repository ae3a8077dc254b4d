import { issue, type Issue } from '../errors';
import type { KpiFrequency } from '../kpi';
import { tryParsePeriod, type CalendarPeriodKind, type Period } from '../period';

const KIND_OF: Record<KpiFrequency, CalendarPeriodKind> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };

/** The period kind a KPI of this frequency is measured in. */
export function periodKindOf(frequency: KpiFrequency): CalendarPeriodKind {
  return KIND_OF[frequency];
}

const EXAMPLE: Record<CalendarPeriodKind, string> = { week: '2026-W05', month: '2026-03', quarter: '2026-Q1', year: '2026' };

/** The period of an actual: it must be one period of the KPI's frequency (a monthly KPI takes `2026-03`). */
export function periodForKpi(frequency: KpiFrequency | null, key: string, path = 'period'): { ok: true; period: Period } | { ok: false; issue: Issue } {
  const period = tryParsePeriod(key);
  if (!period) {
    return { ok: false, issue: issue(path, 'invalid_period', `Kỳ "${key}" không hợp lệ.`, `Invalid period "${key}".`) };
  }
  if (frequency === null) return { ok: true, period };
  const kind = KIND_OF[frequency];
  if (period.kind !== kind) {
    return {
      ok: false,
      issue: issue(
        path,
        'wrong_frequency',
        `KPI đo theo ${FREQ_VI[frequency]} nên kỳ phải có dạng ${EXAMPLE[kind]}, nhưng là "${key}".`,
        `The KPI is measured ${frequency}, so the period must look like ${EXAMPLE[kind]}, but is "${key}".`,
      ),
    };
  }
  return { ok: true, period };
}

const FREQ_VI: Record<KpiFrequency, string> = { weekly: 'tuần', monthly: 'tháng', quarterly: 'quý', yearly: 'năm' };
