import { describe, expect, it } from 'vitest';
import { statusOf } from './status';

describe('statusOf', () => {
  it('defaults: green ≥ 100 %, amber ≥ 80 %, red below, none without value', () => {
    expect(statusOf(1)).toBe('green');
    expect(statusOf(1.5)).toBe('green');
    expect(statusOf(0.8)).toBe('amber');
    expect(statusOf(0.7999)).toBe('red');
    expect(statusOf(-1)).toBe('red');
    expect(statusOf(null)).toBe('none');
  });

  it('uses the first matching rule in the order given', () => {
    const rules = [
      { min: 0.95, status: 'green' },
      { min: 0.9, status: 'amber' },
    ] as const;
    expect(statusOf(0.96, rules)).toBe('green');
    expect(statusOf(0.92, rules)).toBe('amber');
    expect(statusOf(0.85, rules)).toBe('red');
    // Order matters: a first rule at 0 catches everything.
    expect(statusOf(0.1, [{ min: 0, status: 'amber' }, { min: 1, status: 'green' }])).toBe('amber');
  });
});
