import { DEFAULT_BANDS } from '../../../../core/appraisal/grade';
import type { CyclePhase } from '../../../../core/appraisal/cycle';
import type { CycleBodyT } from './types';

export type Frequency = CycleBodyT['frequency'];

/** One band row of the form: grade, minimum score (fraction) and, optionally, the target share of people (fraction). */
export interface BandRow {
  grade?: string;
  min?: number | null;
  share?: number | null;
}

export interface CycleFormValues {
  code?: string;
  name?: string;
  frequency: Frequency;
  period?: string;
  /** `yyyy-mm-dd` per phase (the dialog turns its date pickers into these). */
  deadlines: Partial<Record<CyclePhase, string | null | undefined>>;
  missing: 'renormalize' | 'zero';
  bands: BandRow[];
  secondApproval: boolean;
}

/** How the period key is written for each frequency. */
export const PERIOD_EXAMPLE: Record<Frequency, string> = { monthly: '2026-07', quarterly: '2026-Q3', 'half-yearly': '2026-H2', yearly: '2026' };

export function initialCycleForm(): CycleFormValues {
  return {
    frequency: 'quarterly',
    deadlines: {},
    missing: 'renormalize',
    bands: DEFAULT_BANDS.map((b) => ({ grade: b.grade, min: b.min, share: null })),
    secondApproval: false,
  };
}

/**
 * The request body from the dialog: deadlines only where picked, the target distribution only when some
 * grade has a share (else none), texts trimmed. Missing numbers go as they are, for the server to name.
 */
export function toCycleBody(v: CycleFormValues): CycleBodyT {
  const deadlines = Object.fromEntries(Object.entries(v.deadlines).filter((e): e is [CyclePhase, string] => typeof e[1] === 'string' && e[1] !== ''));
  const shares = v.bands.filter((b) => typeof b.share === 'number');
  return {
    code: (v.code ?? '').trim(),
    name: (v.name ?? '').trim(),
    frequency: v.frequency,
    period: (v.period ?? '').trim(),
    deadlines,
    missing: v.missing,
    bands: v.bands.map((b) => ({ grade: (b.grade ?? '').trim(), min: b.min as number })),
    distribution: shares.length === 0 ? null : Object.fromEntries(shares.map((b) => [(b.grade ?? '').trim(), b.share as number])),
    secondApproval: v.secondApproval,
  };
}
