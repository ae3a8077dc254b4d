/** Exact rational numbers over BigInt, for money that must add up to the last đồng. */
export interface Ratio {
  n: bigint;
  d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

export function ratio(n: bigint, d = 1n): Ratio {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/** A finite JS number as the exact decimal it prints as (0.1 is 1/10, not the binary double). */
export function fromNumber(x: number): Ratio {
  if (!Number.isFinite(x)) throw new RangeError('not a finite number');
  const [mantissa, exp = '0'] = x.toString().split('e');
  const [int, frac = ''] = mantissa!.split('.');
  const digits = BigInt(`${int}${frac}`.replace('+', ''));
  const scale = frac.length - Number(exp);
  return scale >= 0 ? ratio(digits, 10n ** BigInt(scale)) : ratio(digits * 10n ** BigInt(-scale));
}

export const add = (a: Ratio, b: Ratio) => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio) => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio) => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio) => ratio(a.n * b.d, a.d * b.n);
export const isZero = (a: Ratio) => a.n === 0n;

/** Rounded half away from zero to `decimals` places, as units of 10^-decimals. */
export function roundUnits(a: Ratio, decimals: number): bigint {
  const scaled = a.n * 10n ** BigInt(decimals);
  const q = scaled / a.d;
  const r = abs(scaled % a.d);
  return 2n * r >= a.d ? q + (scaled < 0n ? -1n : 1n) : q;
}

/** Units of 10^-decimals as a JS number (exact for money below 2^53 units). */
export const unitsToNumber = (units: bigint, decimals: number) => Number(units) / 10 ** decimals;
