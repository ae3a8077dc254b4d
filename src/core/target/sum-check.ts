import type { Localized } from '../errors';
import type { KpiAggregation } from '../kpi/types';
import { sumDecimal } from './decimal';
import { formatNumberBoth } from './format';

/** Sum check applies to additive KPIs: `sum` (money, volume) and `count`. */
export type SumCheckAggregation = KpiAggregation | 'count';

export type SumCheckResult =
  | { applicable: false; reason: 'not-additive'; message: Localized }
  | {
      applicable: true;
      ok: boolean;
      parent: number;
      childrenSum: number;
      /** parent − Σ children: positive = not fully allocated yet, negative = children over-allocated. */
      difference: number;
    };

const additive = (a: SumCheckAggregation): boolean => a === 'sum' || a === 'count';

function notApplicable(aggregation: SumCheckAggregation): SumCheckResult {
  return {
    applicable: false,
    reason: 'not-additive',
    message: {
      vi: `Không kiểm tra tổng với KPI tổng hợp kiểu "${aggregation}": chỉ tiêu cấp dưới không cộng lại thành chỉ tiêu cấp trên`,
      en: `The sum check does not apply to "${aggregation}" KPIs: child targets do not add up to the parent's`,
    },
  };
}

/** Do the children's targets add up to the parent's? Exact decimal arithmetic; `tolerance` default 0. */
export function checkTargetSum(
  aggregation: SumCheckAggregation,
  parent: number,
  children: readonly number[],
  options: { tolerance?: number } = {},
): SumCheckResult {
  if (!additive(aggregation)) return notApplicable(aggregation);
  const childrenSum = sumDecimal(children);
  const difference = sumDecimal([parent, -childrenSum]);
  return { applicable: true, ok: Math.abs(difference) <= (options.tolerance ?? 0), parent, childrenSum, difference };
}

export interface TargetNode<Id> {
  id: Id;
  parentId: Id | null;
  target: number;
}

export interface SumMismatch<Id> {
  id: Id;
  parent: number;
  childrenSum: number;
  difference: number;
  /** Code `TARGET_SUM_MISMATCH`. */
  code: 'TARGET_SUM_MISMATCH';
  message: Localized;
}

export type CascadeCheckResult<Id> =
  | { applicable: false; reason: 'not-additive'; message: Localized }
  | { applicable: true; mismatches: SumMismatch<Id>[] };

/** Check every node that has children in a cascade; lists the nodes whose children do not add up. */
export function checkCascadeSums<Id>(
  aggregation: SumCheckAggregation,
  nodes: readonly TargetNode<Id>[],
  options: { tolerance?: number } = {},
): CascadeCheckResult<Id> {
  if (!additive(aggregation)) return notApplicable(aggregation) as CascadeCheckResult<Id>;
  const children = new Map<Id, number[]>();
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.target]);
  const mismatches: SumMismatch<Id>[] = [];
  for (const node of nodes) {
    const kids = children.get(node.id);
    if (kids === undefined) continue;
    const r = checkTargetSum(aggregation, node.target, kids, options);
    if (!r.applicable || r.ok) continue;
    const p = formatNumberBoth(r.parent);
    const s = formatNumberBoth(r.childrenSum);
    const d = formatNumberBoth(r.difference);
    mismatches.push({
      id: node.id,
      parent: r.parent,
      childrenSum: r.childrenSum,
      difference: r.difference,
      code: 'TARGET_SUM_MISMATCH',
      message: {
        vi: `Chỉ tiêu ${p.vi} của "${String(node.id)}" khác tổng chỉ tiêu cấp dưới ${s.vi} (chênh lệch ${d.vi})`,
        en: `The target ${p.en} of "${String(node.id)}" differs from its children's total ${s.en} (difference ${d.en})`,
      },
    });
  }
  return { applicable: true, mismatches };
}
