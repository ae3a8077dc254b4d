import type { KpiDefinition } from '../kpi';
import { checkAccountable } from './rules/accountable';
import { checkAlign } from './rules/align';
import { checkMeasurable } from './rules/measurable';
import { checkRealistic } from './rules/realistic';
import { checkSpecific } from './rules/specific';
import { checkTimeBound } from './rules/time-bound';
import { SMART_LETTERS, type Finding, type SmartContext, type SmartSummary } from './types';

/**
 * The SMART check of one KPI definition: Specific, Measurable, Accountable (owner and measurer),
 * Realistic (target vs. baseline), Time-bound, and alignment to a parent KPI.
 * Pure: everything from outside comes in `context`; it never looks at today's date.
 */
export function checkSmart(kpi: KpiDefinition, context: SmartContext = {}): Finding[] {
  return [
    ...checkSpecific(kpi),
    ...checkMeasurable(kpi, context),
    ...checkAccountable(kpi, context),
    ...checkRealistic(kpi, context),
    ...checkTimeBound(kpi),
    ...checkAlign(kpi, context),
  ];
}

/** Status per letter for the SMART panel: the worst finding of each letter. */
export function smartSummary(findings: readonly Finding[]): SmartSummary {
  const summary = Object.fromEntries(SMART_LETTERS.map((l) => [l, 'ok'])) as SmartSummary;
  for (const f of findings) {
    if (f.severity === 'error') summary[f.letter] = 'error';
    else if (summary[f.letter] === 'ok') summary[f.letter] = 'warning';
  }
  return summary;
}

/** True when a finding is an error: the KPI cannot be activated until it is fixed. */
export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
