import { issue, type Issue } from '../errors';
import { sheetError } from './errors';
import { roundScore } from './round-score';
import type { GradeBand } from './types';

/** Default bands: A ≥ 105 %, B ≥ 95 %, C ≥ 80 %, D below. */
export const DEFAULT_BANDS: readonly GradeBand[] = [
  { grade: 'A', min: 1.05 },
  { grade: 'B', min: 0.95 },
  { grade: 'C', min: 0.8 },
  { grade: 'D', min: 0 },
];

/**
 * The grade of a score: the band with the highest `min` the score reaches, after rounding the score to 1e-9
 * (so 0.95 computed as 0.9499999999 is B). A score below every band gets the lowest band (it is the "below" band).
 */
export function gradeOf(score: number, bands: readonly GradeBand[] = DEFAULT_BANDS): string {
  const problems = bandIssues(bands);
  if (problems.length > 0) throw sheetError(problems);
  const s = roundScore(score);
  let best: GradeBand | undefined;
  let lowest: GradeBand | undefined;
  for (const band of bands) {
    if (s >= band.min && (best === undefined || band.min > best.min)) best = band;
    if (lowest === undefined || band.min < lowest.min) lowest = band;
  }
  return (best ?? lowest)!.grade;
}

/** Bands need at least one entry, distinct non-empty grades and distinct finite minimums. */
export function bandIssues(bands: readonly GradeBand[], path = 'bands'): Issue[] {
  const out: Issue[] = [];
  if (bands.length === 0) out.push(issue(path, 'APPRAISAL_BANDS_INVALID', 'Cần ít nhất một mức xếp loại', 'At least one grade band is needed'));
  const grades = new Set<string>();
  const mins = new Set<number>();
  bands.forEach((band, i) => {
    if (band.grade.trim() === '' || grades.has(band.grade)) {
      out.push(issue(`${path}.${i}.grade`, 'APPRAISAL_BANDS_INVALID', `Xếp loại "${band.grade}" trống hoặc bị trùng`, `Grade "${band.grade}" is empty or repeated`));
    }
    if (!Number.isFinite(band.min) || mins.has(band.min)) {
      out.push(
        issue(`${path}.${i}.min`, 'APPRAISAL_BANDS_INVALID', `Ngưỡng của xếp loại "${band.grade}" (${band.min}) không hợp lệ hoặc bị trùng`, `The minimum of grade "${band.grade}" (${band.min}) is invalid or repeated`),
      );
    }
    grades.add(band.grade);
    mins.add(band.min);
  });
  return out;
}
