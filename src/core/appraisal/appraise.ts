import { bandIssues, DEFAULT_BANDS, gradeOf } from './grade';
import { bonusFor, bonusIssues } from './bonus';
import { sheetIssues } from './check-sheet';
import { sheetError } from './errors';
import { scoreSheet } from './score-sheet';
import type { Appraisal, AppraisalInput } from './types';

/** Score, grade, coefficient and bonus of one sheet. Throws a DomainError listing every problem of the input. */
export function appraise(input: AppraisalInput): Appraisal {
  const bands = input.bands ?? DEFAULT_BANDS;
  const problems = [...sheetIssues(input), ...bandIssues(bands), ...(input.bonus ? bonusIssues(input.bonus, bands) : [])];
  if (problems.length > 0) throw sheetError(problems);
  const sheet = scoreSheet(input);
  if (sheet.score === null) return { ...sheet, grade: null, coefficient: null, bonus: null };
  const grade = gradeOf(sheet.score, bands);
  if (!input.bonus) return { ...sheet, grade, coefficient: null, bonus: null };
  return { ...sheet, grade, ...bonusFor(input.bonus, grade, sheet.score) };
}
