import { describe, expect, it } from 'vitest';
import { canAddTo, valueToSend } from './check-in-mode';

describe('check-in mode', () => {
  it('offers adding only to a sum KPI with a stored value', () => {
    expect(canAddTo('sum', 5)).toBe(true);
    expect(canAddTo('sum', undefined)).toBe(false);
    expect(canAddTo('avg', 5)).toBe(false);
    expect(canAddTo('ratio', 5)).toBe(false);
  });
  it('sends the typed amount when replacing, the stored value plus the amount when adding', () => {
    expect(valueToSend('replace', 4_000_000_000, 19_500_000_000)).toBe(4_000_000_000);
    expect(valueToSend('add', 4_000_000_000, 19_500_000_000)).toBe(23_500_000_000);
    expect(valueToSend('add', 7, undefined)).toBe(7);
    expect(valueToSend('add', 0.2, 0.1)).toBe(0.3);
    expect(valueToSend('add', -500, 1_200)).toBe(700);
  });
});
