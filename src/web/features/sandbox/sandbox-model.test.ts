import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, methodsFor, scoreSandbox, toScoreInput, WORKED_EXAMPLES } from './sandbox-model';

const example = (id: string) => {
  const e = WORKED_EXAMPLES.find((x) => x.id === id);
  if (!e) throw new Error(id);
  return scoreSandbox(e.state);
};

describe('sandbox worked examples', () => {
  it('progress: baseline 15, target 45, actual 16 → 1/30 ≈ 3.33 %', () => {
    const r = example('progress');
    expect(r.ok && r.result.achievement).toBeCloseTo(1 / 30, 12);
    expect(r.ok && r.result.status).toBe('red');
  });

  it('decrease: target 10, actual 12 → 10/12 ≈ 83.33 %, amber (≥ 80 %)', () => {
    const r = example('decrease');
    expect(r.ok && r.result.achievement).toBeCloseTo(10 / 12, 12);
    expect(r.ok && r.result.status).toBe('amber');
  });

  it('capped: 130 / 100 = 1.3 achievement, score capped at 1.2', () => {
    const r = example('capped');
    expect(r.ok && r.result.achievement).toBeCloseTo(1.3, 12);
    expect(r.ok && r.result.score).toBe(1.2);
  });

  it('range: 2 outside [20, 25] with tolerance 5 → 1 − 2/5 = 0.6', () => {
    const r = example('range');
    expect(r.ok && r.result.achievement).toBeCloseTo(0.6, 12);
  });

  it('bands: ratio 0.92 falls in the ≥ 0.9 band → score 0.8', () => {
    const r = example('bands');
    expect(r.ok && r.result.score).toBe(0.8);
  });
});

describe('toScoreInput / scoreSandbox', () => {
  it('passes the floor, cap and range bounds', () => {
    const input = toScoreInput({ ...DEFAULT_STATE, method: 'range', min: 1, max: 2, tolerance: 0.5, floor: 0.1, cap: 1 });
    expect(input).toMatchObject({ method: { kind: 'range', min: 1, max: 2, tolerance: 0.5 }, floor: 0.1, cap: 1 });
  });

  it('returns a bilingual error for a floor above the cap', () => {
    const r = scoreSandbox({ ...DEFAULT_STATE, floor: 1.5, cap: 1.2 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.vi).toMatch(/sàn/);
    expect(!r.ok && r.error.en).toMatch(/floor/);
  });

  it('offers only the range method for range KPIs', () => {
    expect(methodsFor('range')).toEqual(['range']);
    expect(methodsFor('increase')).toContain('progress');
  });
});
