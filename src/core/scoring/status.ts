import type { RagStatus, StatusRule } from './types';

/** Green from 100 %, amber from 80 %, red below. */
export const DEFAULT_STATUS_RULES: readonly StatusRule[] = [
  { min: 1, status: 'green' },
  { min: 0.8, status: 'amber' },
];

/** The first rule with achievement ≥ min wins; no match → red; no value → none. */
export function statusOf(achievement: number | null, rules: readonly StatusRule[] = DEFAULT_STATUS_RULES): RagStatus {
  if (achievement === null || Number.isNaN(achievement)) return 'none';
  for (const rule of rules) if (achievement >= rule.min) return rule.status;
  return 'red';
}
