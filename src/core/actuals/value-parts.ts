import { denominatorProblem, missingProblem, notRatioProblem, numberProblem, ratioProblem, type IntakeKpi, type IntakeProblem } from './intake';

export interface ValueInput {
  value?: number | null | undefined;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
}

export type ValueParts =
  | { ok: true; value: number; numerator: number | null; denominator: number | null }
  | { ok: false; problems: IntakeProblem[] };

/**
 * The value to store for one actual sent as numbers (a form or the API). Ratio KPIs take numerator and
 * denominator (value = numerator / denominator) so longer periods can aggregate as Σnumerator / Σdenominator;
 * other KPIs take a value and no parts. Every number must be in range (see `numberProblem`).
 */
export function valueParts(kpi: IntakeKpi, input: ValueInput): ValueParts {
  const problems: IntakeProblem[] = [];
  const add = (p: IntakeProblem | null) => p && problems.push(p);
  if (kpi.aggregation === 'ratio') {
    const n = input.numerator;
    const d = input.denominator;
    add(n == null ? missingProblem('numerator', kpi) : numberProblem('numerator', n));
    add(d == null ? missingProblem('denominator', kpi) : denominatorProblem(d));
    if (problems.length === 0) add(ratioProblem(n!, d!));
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, value: n! / d!, numerator: n!, denominator: d! };
  }
  const v = input.value;
  add(v == null ? missingProblem('value', kpi) : numberProblem('value', v));
  if (input.numerator != null) add(notRatioProblem('numerator', kpi));
  if (input.denominator != null) add(notRatioProblem('denominator', kpi));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: v!, numerator: null, denominator: null };
}
