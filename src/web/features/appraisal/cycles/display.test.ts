import { describe, expect, it } from 'vitest';
import { formatCoefficients, formatPercent, formatPercentWeight, formatSignedPercent, isLowConsensus, nextDeadline } from './display';

describe('formatPercent', () => {
  it('writes a score with one decimal, a no-break space before % in Vietnamese', () => {
    expect(formatPercent(0.897, 'vi')).toBe('89,7\u00a0%');
    expect(formatPercent(0.897, 'en')).toBe('89.7%');
    // 0.92125 → 92,125 % → one decimal: 92,1 %
    expect(formatPercent(0.92125, 'vi')).toBe('92,1\u00a0%');
    expect(formatPercent(1.05, 'vi')).toBe('105\u00a0%');
  });

  it('shows a dash when there is no score', () => {
    expect(formatPercent(null, 'vi')).toBe('—');
    expect(formatPercent(undefined, 'en')).toBe('—');
  });
});

describe('nextDeadline', () => {
  const deadlines = { agree: '2026-07-10', self: '2026-09-25', review: '2026-10-05' };
  it("is the current phase's deadline when it has one", () => {
    expect(nextDeadline({ phase: 'agree', deadlines })).toEqual({ phase: 'agree', date: '2026-07-10' });
  });
  it('else the next phase with a deadline', () => {
    expect(nextDeadline({ phase: 'track', deadlines })).toEqual({ phase: 'self', date: '2026-09-25' });
    expect(nextDeadline({ phase: 'targets', deadlines })).toEqual({ phase: 'agree', date: '2026-07-10' });
  });
  it('is null when no later phase has one', () => {
    expect(nextDeadline({ phase: 'calibrate', deadlines })).toBeNull();
    expect(nextDeadline({ phase: 'locked', deadlines: {} })).toBeNull();
  });
});

describe('formatPercentWeight and formatCoefficients', () => {
  it('writes weights and coefficient tables the Vietnamese way', () => {
    expect(formatPercentWeight(33.33, 'vi')).toBe('33,33\u00a0%');
    expect(formatPercentWeight(33.34, 'en')).toBe('33.34%');
    expect(formatCoefficients({ A: 1.5, B: 1.2, C: 1, D: 0.5 }, 'vi', 'Theo điểm')).toBe('A 1,5 · B 1,2 · C 1 · D 0,5');
    expect(formatCoefficients('score', 'vi', 'Theo điểm')).toBe('Theo điểm');
  });
});

describe('formatSignedPercent and isLowConsensus', () => {
  it('signs a leniency in percentage points', () => {
    expect(formatSignedPercent(0.032, 'vi')).toBe('+3,2\u00a0%');
    expect(formatSignedPercent(-0.05, 'en')).toBe('\u22125%');
    expect(formatSignedPercent(0, 'en')).toBe('0%');
  });
  it('flags a consensus rate below 80 %', () => {
    expect(isLowConsensus(0.79)).toBe(true);
    expect(isLowConsensus(0.8)).toBe(false);
    expect(isLowConsensus(null)).toBe(false);
  });
});
