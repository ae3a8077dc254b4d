import { describe, expect, it } from 'vitest';
import { totalLabel, weightChecks } from './weight-check';

const group = (code: string, weight: number | null, items: (number | null)[]) => ({ code, weight, items: items.map((w, i) => ({ code: `${code}${i}`, weight: w })) });

describe('weightChecks', () => {
  it('accepts 33,33 + 33,33 + 33,34, 10,1 + 20,2 + 69,7 and 0,1 + 64,1 + 35,8 exactly (a float sum of the last is not 100)', () => {
    expect(0.1 + 64.1 + 35.8).not.toBe(100);
    const checks = weightChecks([group('output', 33.33, [10.1, 20.2, 69.7]), group('behavior', 33.33, [0.1, 64.1, 35.8]), group('competency', 33.34, [50, 50])]);
    expect(checks.map((c) => [c.path, c.ok, c.total])).toEqual([
      ['groups', true, 100],
      ['groups.0.items', true, 100],
      ['groups.1.items', true, 100],
      ['groups.2.items', true, 100],
    ]);
    expect(checks.every((c) => c.message === null)).toBe(true);
  });

  it('refuses 33,33 × 3 = 99,99 with the total in the message, and names the group of bad items', () => {
    const checks = weightChecks([group('output', 33.33, [60, 30]), group('behavior', 33.33, [100]), group('competency', 33.33, [100])]);
    expect(checks[0]).toMatchObject({ path: 'groups', ok: false, total: 99.99 });
    expect(checks[0]!.message!.vi).toBe('Trọng số các nhóm cộng lại bằng 99,99, phải đúng bằng 100');
    expect(checks[0]!.message!.en).toBe('The weights of the groups total 99.99; they must total exactly 100');
    // 60 + 30 = 90 in the output group.
    expect(checks[1]).toMatchObject({ path: 'groups.0.items', ok: false, total: 90 });
    expect(checks[1]!.message!.en).toContain('the items of group "output"');
  });

  it('treats a group without items or an empty weight as not yet 100', () => {
    const checks = weightChecks([group('output', 100, []), group('x', null, [null, 40])]);
    expect(checks[1]).toMatchObject({ ok: false, total: 0 });
    // An empty weight is refused as not a number; the total shows what was typed.
    expect(checks[2]).toMatchObject({ ok: false, total: 40 });
  });
});

describe('totalLabel', () => {
  it('writes "99,99 ≠ 100" in Vietnamese and "99.99 ≠ 100" in English', () => {
    expect(totalLabel({ ok: false, total: 99.99 }, 'vi')).toBe('Σ 99,99 ≠ 100');
    expect(totalLabel({ ok: false, total: 99.99 }, 'en')).toBe('Σ 99.99 ≠ 100');
    expect(totalLabel({ ok: true, total: 100 }, 'vi')).toBe('Σ 100');
  });
});
