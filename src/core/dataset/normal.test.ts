import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalUpperTail } from './normal';

// Reference values: Python's statistics.NormalDist and 0.5·erfc(x/√2), to 16 digits.
describe('standard normal distribution', () => {
  it('CDF at known points', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517796, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300957, 15);
  });

  it('upper tail keeps its relative precision far out', () => {
    expect(normalUpperTail(5) / 2.866515718791946e-7).toBeCloseTo(1, 12);
    expect(normalUpperTail(8) / 6.220960574271819e-16).toBeCloseTo(1, 12);
    expect(normalUpperTail(10) / 7.619853024160593e-24).toBeCloseTo(1, 12);
    expect(normalUpperTail(2.9999) / normalUpperTail(3.0001)).toBeGreaterThan(1); // no jump where the methods meet
    expect(Math.abs(normalUpperTail(2.999999999) - normalUpperTail(3))).toBeLessThan(1e-11);
  });

  it('quantile at known points and back', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400536, 13);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729144, 13);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 13);
    expect(normalQuantile(0.02)).toBeCloseTo(-2.0537489106318225, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 11);
    expect(normalQuantile(0.99999)).toBeCloseTo(4.26489079392384, 9);
    for (const p of [0.001, 0.02425, 0.1, 0.3, 0.7, 0.97575, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
