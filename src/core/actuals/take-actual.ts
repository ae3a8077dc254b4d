import type { WorkingCalendar } from '../calendar';
import { issue, type Issue } from '../errors';
import { tryParsePeriod, type IsoDate, type Period } from '../period';
import { commentProblem, invalidPeriodProblem, kpiProblem, periodKindProblem, type IntakeKpi, type IntakeProblem } from './intake';
import { isLate } from './lateness';
import { valueParts, type ValueInput } from './value-parts';

/** One actual as a form or the API sends it. */
export interface ActualInput extends ValueInput {
  period: string;
  comment?: string | null | undefined;
}

export type TakenActual =
  | { ok: true; period: Period; value: number; numerator: number | null; denominator: number | null; comment: string | null; late: boolean }
  | { ok: false; problems: IntakeProblem[] };

/** The period named by a key (`2026-03`), which must be of the KPI's frequency. */
export function periodFor(kpi: IntakeKpi, key: string): { ok: true; period: Period } | { ok: false; problem: IntakeProblem } {
  const period = tryParsePeriod(key);
  if (!period) return { ok: false, problem: invalidPeriodProblem(key) };
  const wrong = periodKindProblem(kpi, period.kind, key);
  return wrong ? { ok: false, problem: wrong } : { ok: true, period };
}

/**
 * Whether a KPI takes this actual (sent as numbers: a check-in or an API item), and what to store: the KPI
 * takes entered values, the period is one of its frequency, the numbers fit, the comment is clean text.
 * Lateness: `today` (the company's date, see `companyToday`) after the reporting deadline (core/calendar).
 * The scope and duplicates are checked by the caller, which knows them.
 */
export function takeActual(kpi: IntakeKpi, input: ActualInput, today: IsoDate, calendar?: WorkingCalendar): TakenActual {
  const notTaken = kpiProblem(kpi, kpi.code);
  if (notTaken) return { ok: false, problems: [notTaken] };
  const problems: IntakeProblem[] = [];
  const period = periodFor(kpi, input.period);
  if (!period.ok) problems.push(period.problem);
  const parts = valueParts(kpi, input);
  if (!parts.ok) problems.push(...parts.problems);
  const comment = input.comment?.trim() ?? '';
  const badComment = commentProblem(comment);
  if (badComment) problems.push(badComment);
  if (!period.ok || !parts.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    period: period.period,
    value: parts.value,
    numerator: parts.numerator,
    denominator: parts.denominator,
    comment: comment || null,
    late: isLate(period.period.end, kpi.reportWithinDays, today, calendar),
  };
}

/** JSON path of a problem's field (`scope` problems point at `scope.id`). */
const PATH: Record<IntakeProblem['field'], string> = {
  kpi: 'kpi',
  period: 'period',
  scope: 'scope.id',
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  comment: 'comment',
};

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A problem as an issue of a JSON request: `prefix` is `''` for a check-in, `actuals.3.` for item 3 of a push. */
export function problemIssue(p: IntakeProblem, prefix = ''): Issue {
  return issue(`${prefix}${PATH[p.field]}`, p.code, sentence(p.vi), sentence(p.en));
}
