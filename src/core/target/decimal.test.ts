import { describe, expect, it } from 'vitest';
import { fromScaled, sumDecimal, toDecimal, toScaledIntegers } from './decimal';

describe('decimal', () => {
  it('reads numbers as the decimals users typed, including exponent forms', () => {
    expect(toDecimal(0.1)).toEqual({ digits: 1n, scale: 1 });
    expect(toDecimal(-12.5)).toEqual({ digits: -125n, scale: 1 });
    expect(toDecimal(240e9)).toEqual({ digits: 240_000_000_000n, scale: 0 });
    expect(toDecimal(1e21)).toEqual({ digits: 10n ** 21n, scale: 0 }); // printed "1e+21"
    expect(toDecimal(1.5e-7)).toEqual({ digits: 15n, scale: 8 }); // printed "1.5e-7"
  });

  it('puts values on one scale and back', () => {
    expect(toScaledIntegers([1, 0.25, 0.1])).toEqual({ ints: [100n, 25n, 10n], scale: 2 });
    expect(fromScaled(3333n, 2)).toBe(33.33);
  });

  it('sums exactly', () => {
    expect(sumDecimal([0.1, 0.2])).toBe(0.3);
    expect(sumDecimal([0.1, 0.7, -0.8])).toBe(0);
    expect(sumDecimal([])).toBe(0);
  });
});
