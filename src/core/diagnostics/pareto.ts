import { MISS_REASONS, type MissReason } from './reasons';

export interface ParetoBar {
  reason: MissReason;
  count: number;
  /** This bar's share of all reasons, 0..1. */
  share: number;
  /** Running share up to and including this bar, 0..1 (the last bar is exactly 1). */
  cumulative: number;
  /** Among the "vital few": the bars up to the first whose cumulative share reaches 80 %. */
  vital: boolean;
}

export const VITAL_SHARE = 0.8;

/**
 * The Pareto of miss reasons: bars by count, descending (ties in the order of MISS_REASONS, so the chart is
 * stable), the cumulative share, and the vital few = every bar up to and including the first whose cumulative
 * share is ≥ 80 %. Reasons counted zero are left out; no reasons at all gives no bars.
 * The 80 % test is done on whole counts (5 × running ≥ 4 × total), so 80 % exactly counts and no float decides it.
 */
export function pareto(counts: Partial<Record<MissReason, number>>): ParetoBar[] {
  const rows = MISS_REASONS.map((reason, order) => ({ reason, order, count: counts[reason] ?? 0 }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.order - b.order);
  const total = rows.reduce((s, r) => s + r.count, 0);
  let running = 0;
  let reached = false;
  return rows.map((r) => {
    running += r.count;
    const vital = !reached;
    if (5 * running >= 4 * total) reached = true;
    return { reason: r.reason, count: r.count, share: r.count / total, cumulative: running / total, vital };
  });
}
