import { scoreKpi } from '../scoring';
import { sheetIssues } from './check-sheet';
import { sheetError } from './errors';
import { roundScore } from './round-score';
import type { GroupScore, ItemScore, MissingMode, Sheet, SheetItem, SheetScore } from './types';

/**
 * Scores a sheet: item scores (KPI rules or rating ÷ scale), group score = Σ item weight × item score ÷ Σ weights
 * counted, final = Σ group weight × group score ÷ Σ weights counted. `renormalize` counts only items and groups
 * with a value; `zero` counts every weight (a missing value is 0). Group, item and final scores come rounded to
 * 1e-9 (`roundScore`); the final score is computed from the unrounded group scores. Throws a DomainError
 * listing every problem of the sheet.
 */
export function scoreSheet(sheet: Sheet): SheetScore {
  const problems = sheetIssues(sheet);
  if (problems.length > 0) throw sheetError(problems);
  const missing = sheet.missing ?? 'renormalize';
  const items: ItemScore[] = [];
  const groups: GroupScore[] = [];
  const groupScores: (number | null)[] = [];
  for (const group of sheet.groups) {
    const scored = group.items.map((item) => scoreItem(item, group.code));
    items.push(...scored.map((s) => ({ ...s, achievement: round(s.achievement), score: round(s.score) })));
    const score = weightedMean(
      group.items.map((item, i) => ({ weight: item.weight, score: scored[i]!.score })),
      missing,
    );
    groupScores.push(score);
    groups.push({ code: group.code, score: round(score) });
  }
  const final = weightedMean(
    sheet.groups.map((group, g) => ({ weight: group.weight, score: groupScores[g]! })),
    missing,
  );
  return { score: round(final), missing, groups, items };
}

const round = (x: number | null): number | null => (x === null ? null : roundScore(x));

/** Σ weight × score ÷ Σ weights counted; null when no weight is counted. */
function weightedMean(parts: readonly { weight: number; score: number | null }[], missing: MissingMode): number | null {
  let weighted = 0;
  let counted = 0;
  for (const { weight, score } of parts) {
    if (score !== null) {
      weighted += weight * score;
      counted += weight;
    } else if (missing === 'zero') {
      counted += weight;
    }
  }
  return counted > 0 ? weighted / counted : null;
}

/** One item's achievement and score (null when it has no value). */
export function scoreItem(item: SheetItem, group: string): ItemScore {
  if (item.kind === 'rated') {
    const value = item.rating === undefined || item.rating === null ? null : item.rating / item.scale;
    return { code: item.code, group, achievement: value, score: value };
  }
  const result = scoreKpi({
    direction: item.direction,
    method: typeof item.method === 'object' ? item.method : { kind: item.method ?? 'ratio' },
    target: item.target ?? null,
    actual: item.actual ?? null,
    baseline: item.baseline ?? null,
    ...(item.floor === undefined ? {} : { floor: item.floor }),
    ...(item.cap === undefined ? {} : { cap: item.cap }),
  });
  const out: ItemScore = { code: item.code, group, achievement: result.achievement, score: result.score };
  if (result.reason !== undefined) out.reason = result.reason;
  return out;
}
