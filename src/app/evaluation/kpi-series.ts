import {
  currentYearToDate,
  evaluateSeries,
  fiscalYearKeys,
  kindOfFrequency,
  paceOf,
  type PaceView,
  type SeriesPoint,
  type YtdValue,
} from '../../core/evaluation';
import { DomainError } from '../../core/errors';
import { companyToday } from '../../core/actuals';
import { compareDates, parsePeriod, periodContaining, periodsBetween } from '../../core/period';
import type { PaceResult, RagStatus } from '../../core/scoring';
import type { Actor } from '../actor';
import { getCompany } from '../company/company';
import { findKpiByCode } from '../kpi/find-kpi';
import type { Store, TargetScope } from '../ports';
import { toEvalKpi, toTargetValue } from './eval-kpi';
import { evaluationView, kpiHeader, periodView, type EvaluationView, type KpiHeader, type PeriodView } from './present';
import { requireReadScope } from './scope';

const MAX_POINTS = 600;

export interface YtdView {
  year: PeriodView;
  through: string;
  actual: number | null;
  target: number | null;
  achievement: number | null;
  score: number | null;
  status: RagStatus;
}

export interface SeriesPointView extends EvaluationView {
  period: PeriodView;
  ytd: YtdView | null;
}

/** The pace of one period as the API shows it: the core's numbers plus what they were computed from. */
export interface PaceDto extends PaceResult {
  period: PeriodView;
  target: number;
  actualToDate: number;
  hasActual: boolean;
  expectedBy: 'days' | 'split';
}

export interface KpiSeries {
  kpi: KpiHeader;
  scope: TargetScope;
  kind: string;
  /** The company's calendar date the pace is computed for. */
  today: string;
  points: SeriesPointView[];
  /** Year to date of the fiscal year containing today, through the latest period with an actual. */
  ytd: YtdView | null;
  pace: { period: PaceDto | null; year: PaceDto | null };
  /** The scope has a target of this KPI overlapping the range or the current fiscal year. */
  hasTarget: boolean;
}

const ytdView = (y: YtdValue | null): YtdView | null => y && { ...y, year: periodView(y.year) };
const paceDto = (p: PaceView | null): PaceDto | null => p && { ...p, period: periodView(p.period) };

/**
 * One KPI per period of its frequency from `from` to `to` (any period keys; default: the fiscal year
 * containing today), with year to date and pace as of `now` in the company's time zone.
 */
export async function getKpiSeries(
  store: Store,
  actor: Actor,
  q: { code: string; from?: string | undefined; to?: string | undefined; scope: TargetScope; now: Date },
): Promise<KpiSeries> {
  const record = await findKpiByCode(store, q.code);
  await requireReadScope(store, actor, q.scope);
  const company = await getCompany(store);
  const today = companyToday(company, q.now);
  const kind = kindOfFrequency(record.frequency);
  const fy = fiscalYearKeys(today, kind, company.fiscalYearStartMonth);
  const from = q.from ? periodContaining(parsePeriod(q.from).start, kind).key : fy.keys[0]!;
  const to = q.to ? periodContaining(parsePeriod(q.to).end, kind).key : fy.keys[fy.keys.length - 1]!;
  const keys = periodsBetween(from, to);
  if (keys.length > MAX_POINTS) {
    throw new DomainError(
      'PERIOD_RANGE_TOO_LONG',
      { vi: `Khoảng thời gian quá dài: ${keys.length} kỳ (tối đa ${MAX_POINTS}).`, en: `The range is too long: ${keys.length} periods (at most ${MAX_POINTS}).` },
      { params: { periods: keys.length, max: MAX_POINTS } },
    );
  }

  // One read of targets and one of actuals covering both the range shown and the current fiscal year.
  const rangeStart = [parsePeriod(from).start, fy.year.start].sort(compareDates)[0]!;
  const rangeEnd = [parsePeriod(to).end, fy.year.end].sort(compareDates)[1]!;
  const [targetRows, actualRows] = await Promise.all([
    store.targets.list({ kpiId: record.id, scope: q.scope, from: rangeStart, to: rangeEnd }),
    store.actuals.list({ kpiIds: [record.id], scope: q.scope, kind, from: rangeStart, to: rangeEnd }),
  ]);
  const kpi = toEvalKpi(record);
  const targets = targetRows.map(toTargetValue);
  const actuals = actualRows.map((a) => ({ period: a.period, value: a.value, numerator: a.numerator, denominator: a.denominator }));
  const series = (f: string, t: string): SeriesPoint[] =>
    evaluateSeries({ kpi, kind, from: f, to: t, targets, actuals, today, fiscalYearStartMonth: company.fiscalYearStartMonth });

  const points = series(from, to);
  const yearPoints = series(fy.keys[0]!, fy.keys[fy.keys.length - 1]!);
  const pace = paceOf({ kpi, kind, today, year: fy.year, yearPoints, targets });
  return {
    kpi: kpiHeader(record),
    scope: q.scope,
    kind,
    today,
    points: points.map((p) => ({ period: periodView(p.period), ...evaluationView(p), ytd: ytdView(p.ytd) })),
    ytd: ytdView(currentYearToDate(yearPoints, today, company.fiscalYearStartMonth)),
    pace: { period: paceDto(pace.period), year: paceDto(pace.year) },
    hasTarget: targets.length > 0,
  };
}
