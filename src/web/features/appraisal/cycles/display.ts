import { CYCLE_PHASES, PHASE_NAMES, type CyclePhase } from '../../../../core/appraisal/cycle';
import { formatNumber, type UiLang } from '../../../lib/format';

/** A score or share as people read it: 0.897 → "89,7 %" (vi, with a no-break space) or "89.7%" (en); null → "—". */
export function formatPercent(fraction: number | null | undefined, lang: UiLang, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  // Shift the decimal point in decimal (0.897 × 100 in binary is 89.69999…).
  const percent = Number(`${fraction}e2`);
  const text = formatNumber(percent, lang, digits);
  return lang === 'vi' ? `${text}\u00a0%` : `${text}%`;
}

export function phaseName(phase: CyclePhase, lang: UiLang): string {
  return PHASE_NAMES[phase][lang];
}

/** The phases in order, for steps and pickers. */
export const PHASE_ORDER: readonly CyclePhase[] = CYCLE_PHASES;

/** The deadline people work towards now: the current phase's, else the next phase that has one. */
export function nextDeadline(cycle: { phase: CyclePhase; deadlines: Partial<Record<string, string>> }): { phase: CyclePhase; date: string } | null {
  for (const phase of CYCLE_PHASES.slice(CYCLE_PHASES.indexOf(cycle.phase))) {
    const date = cycle.deadlines[phase];
    if (date) return { phase, date };
  }
  return null;
}

/** Phase tag colours: open phases blue, calibration orange, locked red, published green. */
export function phaseColor(phase: CyclePhase): string {
  if (phase === 'locked') return 'red';
  if (phase === 'published') return 'green';
  if (phase === 'calibrate') return 'orange';
  return 'blue';
}

/** A weight, which is already a percentage: 33.33 → "33,33 %" (vi) or "33.33%" (en). */
export function formatPercentWeight(weight: number, lang: UiLang): string {
  const text = formatNumber(weight, lang, 4);
  return lang === 'vi' ? `${text}\u00a0%` : `${text}%`;
}

/** A coefficient table in one line: "A 1,5 · B 1,2 · C 1 · D 0,5"; "score" mode reads as its label. */
export function formatCoefficients(coefficients: 'score' | Record<string, number>, lang: UiLang, scoreLabel: string): string {
  if (coefficients === 'score') return scoreLabel;
  return Object.entries(coefficients)
    .map(([grade, c]) => `${grade} ${formatNumber(c, lang, 4)}`)
    .join(' · ');
}

/** A difference of scores in percentage points with its sign: 0.032 → "+3,2 %", −0.05 → "−5 %". */
export function formatSignedPercent(fraction: number, lang: UiLang): string {
  const text = formatPercent(Math.abs(fraction), lang);
  if (fraction > 0) return `+${text}`;
  if (fraction < 0) return `\u2212${text}`;
  return text;
}

/** Below this share of agreed targets a unit or person is highlighted: a target nobody agreed to is a known reason KPIs fail. */
export const LOW_CONSENSUS = 0.8;

export function isLowConsensus(rate: number | null): boolean {
  return rate !== null && rate < LOW_CONSENSUS;
}
