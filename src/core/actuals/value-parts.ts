import { issue, type Issue } from '../errors';
import type { KpiAggregation } from '../kpi';

export interface ValueInput {
  value?: number | null | undefined;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
}

export type ValueParts =
  | { ok: true; value: number; numerator: number | null; denominator: number | null }
  | { ok: false; issues: Issue[] };

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The value to store for one actual. Ratio KPIs take numerator and denominator (value = numerator / denominator,
 * denominator > 0) so longer periods can aggregate as sum(numerator) / sum(denominator); other KPIs take a value.
 * `path` prefixes the field paths of the issues (`actuals.3.` for item 3 of a batch).
 */
export function valueParts(aggregation: KpiAggregation, input: ValueInput, path = ''): ValueParts {
  const issues: Issue[] = [];
  if (aggregation === 'ratio') {
    if (!finite(input.numerator)) {
      issues.push(issue(`${path}numerator`, 'required', 'KPI tỷ lệ cần có tử số.', 'A ratio KPI needs a numerator.'));
    }
    if (!finite(input.denominator)) {
      issues.push(issue(`${path}denominator`, 'required', 'KPI tỷ lệ cần có mẫu số.', 'A ratio KPI needs a denominator.'));
    } else if (input.denominator <= 0) {
      issues.push(issue(`${path}denominator`, 'not_positive', 'Mẫu số phải lớn hơn 0.', 'The denominator must be greater than 0.'));
    }
    if (issues.length > 0 || !finite(input.numerator) || !finite(input.denominator)) return { ok: false, issues };
    return { ok: true, value: input.numerator / input.denominator, numerator: input.numerator, denominator: input.denominator };
  }
  if (!finite(input.value)) {
    issues.push(issue(`${path}value`, 'required', 'Cần nhập giá trị thực hiện.', 'An actual value is required.'));
  }
  if (input.numerator != null || input.denominator != null) {
    issues.push(
      issue(
        `${path}${input.numerator != null ? 'numerator' : 'denominator'}`,
        'not_ratio',
        'Chỉ KPI tỷ lệ mới có tử số và mẫu số.',
        'Only ratio KPIs take a numerator and denominator.',
      ),
    );
  }
  if (issues.length > 0 || !finite(input.value)) return { ok: false, issues };
  return { ok: true, value: input.value, numerator: null, denominator: null };
}
