import { add, div, fromNumber, isZero, mul, roundUnits, sub, unitsToNumber, type Ratio } from './exact';

/** One factor of a product KPI, e.g. orders (volume) or average order value (price). */
export interface DriverFactor {
  code: string;
  target: Ratio;
  actual: Ratio;
}

export interface DriverEffect {
  code: string;
  target: number;
  actual: number;
  /** The part of the gap this factor explains, rounded to `decimals`; the effects add up to `gap` exactly. */
  effect: number;
}

export interface Decomposition {
  /** Π targets and Π actuals of the factors. */
  target: number;
  actual: number;
  gap: number;
  effects: DriverEffect[];
}

/**
 * Sequential attribution of the gap of a product Π f_i: factor i moves from its target to its actual while
 * the factors before it are already at their actuals and those after it still at their targets:
 *   effect_i = (a_i − t_i) × a_1 … a_(i−1) × t_(i+1) … t_n.
 * The effects telescope to Π a − Π t exactly. For two factors [volume, price] that is the volume effect at the
 * target price and the price effect at the actual volume. The order of the factors is the order given.
 * Each effect is computed exactly (BigInt rationals) and rounded as the difference of the rounded running sums,
 * so the rounded effects still add up to the rounded gap to the last unit.
 */
export function decompose(factors: DriverFactor[], decimals = 0): Decomposition {
  let runningExact: Ratio = { n: 0n, d: 1n };
  let runningRounded = 0n;
  const effects: DriverEffect[] = factors.map((f, i) => {
    let exact = sub(f.actual, f.target);
    factors.forEach((g, j) => {
      if (j !== i) exact = mul(exact, j < i ? g.actual : g.target);
    });
    runningExact = add(runningExact, exact);
    const rounded = roundUnits(runningExact, decimals);
    const effect = rounded - runningRounded;
    runningRounded = rounded;
    return { code: f.code, target: show(f.target, decimals + 2), actual: show(f.actual, decimals + 2), effect: unitsToNumber(effect, decimals) };
  });
  const target = factors.reduce<Ratio>((p, f) => mul(p, f.target), { n: 1n, d: 1n });
  const actual = factors.reduce<Ratio>((p, f) => mul(p, f.actual), { n: 1n, d: 1n });
  return { target: show(target, decimals), actual: show(actual, decimals), gap: unitsToNumber(runningRounded, decimals), effects };
}

const show = (r: Ratio, decimals: number) => unitsToNumber(roundUnits(r, decimals), decimals);

/**
 * A = B × (A / B): a KPI split into a volume B and the derived price A / B (the demo's REVENUE = ORDERS × AOV,
 * because AOV = [REVENUE] / [ORDERS]). Null when B is zero in the target or the actual (no price to speak of).
 */
export function volumePriceFactors(
  whole: { target: number; actual: number },
  volume: { code: string; target: number; actual: number },
  priceCode: string,
): DriverFactor[] | null {
  const vt = fromNumber(volume.target);
  const va = fromNumber(volume.actual);
  if (isZero(vt) || isZero(va)) return null;
  return [
    { code: volume.code, target: vt, actual: va },
    { code: priceCode, target: div(fromNumber(whole.target), vt), actual: div(fromNumber(whole.actual), va) },
  ];
}

/** Factors from plain numbers. */
export const factorsOf = (rows: { code: string; target: number; actual: number }[]): DriverFactor[] =>
  rows.map((r) => ({ code: r.code, target: fromNumber(r.target), actual: fromNumber(r.actual) }));
