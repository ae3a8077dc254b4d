/**
 * Exact decimal arithmetic on JavaScript numbers, via BigInt.
 * A number is read as the shortest decimal that JavaScript prints for it
 * (`0.1` is 1/10, not the binary 0.1000000000000000055…), which is what users typed.
 */

/** `digits / 10^scale`, exactly. */
export interface Decimal {
  digits: bigint;
  scale: number;
}

export function toDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`Not a finite number: ${x}`);
  const [mantissa = '0', exponentText] = String(x).split('e');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [intPart = '0', fracPart = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  let digits = BigInt(intPart + fracPart);
  let scale = fracPart.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: negative ? -digits : digits, scale };
}

/** The integers `xᵢ × 10^scale` for one scale that fits every value exactly. */
export function toScaledIntegers(values: readonly number[]): { ints: bigint[]; scale: number } {
  const decimals = values.map(toDecimal);
  const scale = decimals.reduce((max, d) => Math.max(max, d.scale), 0);
  return { ints: decimals.map((d) => d.digits * 10n ** BigInt(scale - d.scale)), scale };
}

/** `digits / 10^scale` as the nearest number (string parsing rounds correctly). */
export function fromScaled(digits: bigint, scale: number): number {
  return scale === 0 ? Number(digits) : Number(`${digits}e-${scale}`);
}

/** Exact decimal sum: `sumDecimal([0.1, 0.2])` is `0.3`. */
export function sumDecimal(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const { ints, scale } = toScaledIntegers(values);
  return fromScaled(
    ints.reduce((a, b) => a + b, 0n),
    scale,
  );
}
