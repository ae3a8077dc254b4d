import { DomainError, type Localized } from '../../../core/errors';
import { scoreKpi, type Band, type KpiDirection, type ScoreInput, type ScoreResult, type ScoringMethodKind } from '../../../core/scoring';

/** What the sandbox form holds. Achievement-like numbers (floor, cap, bands) are fractions. */
export interface SandboxState {
  direction: KpiDirection;
  method: ScoringMethodKind;
  target: number | null;
  actual: number | null;
  baseline: number | null;
  /** Range method: the good zone and how far outside it the score falls to 0. */
  min: number | null;
  max: number | null;
  tolerance: number | null;
  floor: number;
  cap: number;
  bands: Band[];
  below: number;
}

export const DEFAULT_BANDS: Band[] = [
  { min: 1, score: 1 },
  { min: 0.9, score: 0.8 },
  { min: 0.7, score: 0.5 },
];

export const DEFAULT_STATE: SandboxState = {
  direction: 'increase',
  method: 'ratio',
  target: 100,
  actual: 90,
  baseline: null,
  min: null,
  max: null,
  tolerance: 0,
  floor: 0,
  cap: 1.2,
  bands: DEFAULT_BANDS,
  below: 0,
};

/** The methods a direction allows: a Range KPI is scored by the range method only. */
export function methodsFor(direction: KpiDirection): ScoringMethodKind[] {
  return direction === 'range' ? ['range'] : ['ratio', 'progress', 'binary', 'bands', 'range'];
}

export function toScoreInput(s: SandboxState): ScoreInput {
  const method: ScoreInput['method'] =
    s.method === 'range'
      ? { kind: 'range', min: s.min ?? Number.NaN, max: s.max ?? Number.NaN, tolerance: s.tolerance ?? 0 }
      : s.method === 'bands'
        ? { kind: 'bands', bands: s.bands, below: s.below }
        : { kind: s.method };
  return { direction: s.direction, method, target: s.target, actual: s.actual, baseline: s.baseline, floor: s.floor, cap: s.cap };
}

export type SandboxResult = { ok: true; result: ScoreResult } | { ok: false; error: Localized };

/** scoreKpi from the core (the same as `openkpi score`), with setup errors returned instead of thrown. */
export function scoreSandbox(s: SandboxState): SandboxResult {
  try {
    return { ok: true, result: scoreKpi(toScoreInput(s)) };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e.localized };
    throw e;
  }
}

export interface WorkedExample {
  id: string;
  title: Localized;
  state: SandboxState;
  /** The arithmetic by hand, shown next to the computed value. */
  byHand: string;
}

const ex = (patch: Partial<SandboxState>): SandboxState => ({ ...DEFAULT_STATE, ...patch });

export const WORKED_EXAMPLES: readonly WorkedExample[] = [
  {
    id: 'progress',
    title: { vi: 'Tiến độ từ mức cơ sở', en: 'Progress from the baseline' },
    state: ex({ method: 'progress', baseline: 15, target: 45, actual: 16 }),
    byHand: '(16 − 15) / (45 − 15) = 1/30',
  },
  {
    id: 'decrease',
    title: { vi: 'Càng thấp càng tốt', en: 'Decrease' },
    state: ex({ direction: 'decrease', method: 'ratio', target: 10, actual: 12 }),
    byHand: '10 / 12',
  },
  {
    id: 'capped',
    title: { vi: 'Vượt chỉ tiêu, chạm điểm trần', en: 'Above target, capped' },
    state: ex({ method: 'ratio', target: 100, actual: 130 }),
    byHand: '130 / 100 = 130% → min(130%, 120%)',
  },
  {
    id: 'range',
    title: { vi: 'Trong khoảng, lệch 2 với dung sai 5', en: 'Range, 2 outside with tolerance 5' },
    state: ex({ direction: 'range', method: 'range', min: 20, max: 25, tolerance: 5, actual: 27, target: null }),
    byHand: '1 − (27 − 25) / 5 = 3/5',
  },
  {
    id: 'bands',
    title: { vi: 'Bậc điểm', en: 'Bands' },
    state: ex({ method: 'bands', target: 100, actual: 92 }),
    byHand: '92 / 100 = 92% ≥ 90% → 80%',
  },
  {
    id: 'binary',
    title: { vi: 'Đạt / không đạt', en: 'Met / not met' },
    state: ex({ method: 'binary', target: 1, actual: 1 }),
    byHand: '1 ≥ 1 → 100%',
  },
];
