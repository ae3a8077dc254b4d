import { issue, type Issue } from '../errors';
import { compareDates, isValidDate } from '../period';
import { CYCLE_PHASES, PHASE_NAMES, type CyclePhase } from './cycle';
import { bandIssues } from './grade';
import type { GradeBand } from './types';

/**
 * Problems with a cycle's settings: grade bands (core bandIssues), a target distribution that names only
 * grades of the bands, and phase deadlines that are real dates in phase order (a later phase never ends
 * before an earlier one).
 */
export function cycleSettingsIssues(s: { bands: readonly GradeBand[]; distribution: Record<string, number> | null; deadlines: Partial<Record<CyclePhase, string>> }): Issue[] {
  const out = bandIssues(s.bands);
  const grades = new Set(s.bands.map((b) => b.grade));
  for (const grade of Object.keys(s.distribution ?? {})) {
    if (!grades.has(grade)) {
      out.push(issue(`distribution.${grade}`, 'APPRAISAL_DISTRIBUTION_GRADE', `Phân bố mục tiêu có xếp loại "${grade}" không có trong khung xếp loại`, `The target distribution names grade "${grade}", which is not one of the bands`));
    }
  }
  let previous: { phase: CyclePhase; date: string } | null = null;
  for (const phase of CYCLE_PHASES) {
    const date = s.deadlines[phase];
    if (date === undefined) continue;
    if (!isValidDate(date)) {
      out.push(issue(`deadlines.${phase}`, 'APPRAISAL_DEADLINE_INVALID', `Hạn của giai đoạn "${PHASE_NAMES[phase].vi}" (${date}) không phải ngày có thật`, `The deadline of "${PHASE_NAMES[phase].en}" (${date}) is not a real date`));
      continue;
    }
    if (previous && compareDates(date, previous.date) < 0) {
      out.push(
        issue(
          `deadlines.${phase}`,
          'APPRAISAL_DEADLINE_ORDER',
          `Hạn của giai đoạn "${PHASE_NAMES[phase].vi}" (${date}) trước hạn của "${PHASE_NAMES[previous.phase].vi}" (${previous.date})`,
          `The deadline of "${PHASE_NAMES[phase].en}" (${date}) is before that of "${PHASE_NAMES[previous.phase].en}" (${previous.date})`,
        ),
      );
    }
    previous = { phase, date };
  }
  return out;
}
