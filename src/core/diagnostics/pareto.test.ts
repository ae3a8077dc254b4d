import { describe, expect, it } from 'vitest';
import { pareto } from './pareto';

describe('Pareto of miss reasons', () => {
  it('worked example: counts 14/10/6/5/3/2 → 35/60/75/87.5/95/100 %, the first four are the vital few', () => {
    const bars = pareto({ external: 2, unclear_goal: 6, no_agreement: 14, other: 3, unrealistic_target: 10, missing_skills: 5 });
    expect(bars.map((b) => b.reason)).toEqual(['no_agreement', 'unrealistic_target', 'unclear_goal', 'missing_skills', 'other', 'external']);
    expect(bars.map((b) => b.count)).toEqual([14, 10, 6, 5, 3, 2]);
    expect(bars.map((b) => Math.round(b.cumulative * 1000) / 10)).toEqual([35, 60, 75, 87.5, 95, 100]);
    expect(bars.map((b) => b.vital)).toEqual([true, true, true, true, false, false]);
    expect(bars[0]!.share).toBe(0.35);
  });

  it('a cumulative of exactly 80 % ends the vital few at that bar', () => {
    const bars = pareto({ no_agreement: 4, external: 4, other: 2 }); // 40, 80, 100
    expect(bars.map((b) => b.vital)).toEqual([true, true, false]);
  });

  it('ties keep the order of the reason list; one reason alone is vital', () => {
    expect(pareto({ other: 3, unclear_goal: 3 }).map((b) => [b.reason, b.vital])).toEqual([
      ['unclear_goal', true],
      ['other', true],
    ]);
    expect(pareto({ external: 1 })).toEqual([{ reason: 'external', count: 1, share: 1, cumulative: 1, vital: true }]);
  });

  it('no reasons (or only zero counts) gives no bars', () => {
    expect(pareto({})).toEqual([]);
    expect(pareto({ other: 0 })).toEqual([]);
  });
});
