import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { redistribute } from './redistribute';

describe('redistribute', () => {
  it('raising January spreads the difference over the other 11 months, total unchanged', () => {
    // 12 × 20e9; January → 26e9. The other 11 share 240e9 − 26e9 = 214e9 = 214,000 steps of 1e6:
    // 214,000 / 11 = 19,454.5… → 19,454 each (213,994), 6 steps left → months 2..7 get 19,455.
    const values = new Array(12).fill(20e9);
    const next = redistribute({ values, edits: [{ index: 0, value: 26e9 }], step: 1e6 });
    expect(next).toEqual([26e9, ...new Array(6).fill(19_455e6), ...new Array(5).fill(19_454e6)]);
    expect(next.reduce((a, b) => a + b, 0)).toBe(240e9);
  });

  it('spreads in proportion to current values and keeps locked parts', () => {
    // total 1,000; part 4 locked at 400; part 1 → 160; 440 left for parts 2 and 3 in the ratio 200 : 300 → 176, 264
    expect(redistribute({ values: [100, 200, 300, 400], edits: [{ index: 0, value: 160 }], locked: [3] })).toEqual([160, 176, 264, 400]);
  });

  it('changing the total spreads the new total over the unlocked parts', () => {
    expect(redistribute({ values: [50, 50], total: 120 })).toEqual([60, 60]);
  });

  it('spreads evenly when every unlocked part is 0', () => {
    // 10 − 4 = 6 over two zero parts → 3, 3
    expect(redistribute({ values: [0, 0, 10], edits: [{ index: 2, value: 4 }] })).toEqual([3, 3, 4]);
  });

  it('errors when everything is locked', () => {
    try {
      redistribute({ values: [10, 20], locked: [1], edits: [{ index: 0, value: 15 }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('TARGET_ALL_LOCKED');
      expect((e as DomainError).localized.vi).toContain('Mọi phần đều đã khóa');
    }
  });

  it('rejects values off the step and unknown indexes', () => {
    expect(() => redistribute({ values: [1_500_000, 2_000_000], step: 1e6 })).toThrow(/Part 1 1,500,000 is not a multiple/);
    expect(() => redistribute({ values: [1, 2], edits: [{ index: 5, value: 1 }] })).toThrow(expect.objectContaining({ code: 'TARGET_INDEX_INVALID' }));
  });
});
