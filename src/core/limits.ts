/**
 * The ranges every number and text the system accepts must fit, at the edge (zod, imports, CLI) and as
 * database constraints. One place, so the API, the imports and the docs say the same thing.
 */

/** Largest magnitude of a value, target, numerator or baseline: 10^15 (a million tỷ ₫), exact in a JS number. */
export const MAX_ABS_VALUE = 1e15;

/**
 * Smallest magnitude of a non-zero number the system accepts (values, targets, weights, steps, scoring
 * parameters): 10^-9. JSON allows 1e-320; dividing an in-range value by such a number overflows to Infinity,
 * while with every input 0 or in [10^-9, 10^15] a quotient of two inputs stays below 10^24.
 */
export const MIN_ABS_VALUE = 1e-9;

/** Smallest positive denominator of a ratio value; a denominator is > 0 and at most MAX_ABS_VALUE. */
export const MIN_DENOMINATOR = 1e-6;

/** Weights (parent KPI weights, cascade weights) are ≥ 0 and at most this. */
export const MAX_WEIGHT = 1e6;

/** Ids are PostgreSQL `integer` columns: 1 … 2^31 − 1. */
export const MAX_ID = 2_147_483_647;

/** Largest `offset` of a paged list (far beyond any real list; keeps OFFSET an `integer`). */
export const MAX_OFFSET = 1_000_000;

/** A dataset measure or cohort statement is cancelled after this long (PostgreSQL; PGlite runs in-process and cannot cancel). */
export const DATASET_QUERY_TIMEOUT_MS = 30_000;

/** The audit log id is a PostgreSQL `bigint`; a cursor has at most 18 digits (< 2^63 − 1). */
export const MAX_BIGINT_DIGITS = 18;

/** True when `x` is a finite number whose magnitude fits MAX_ABS_VALUE. */
export function isValueInRange(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) <= MAX_ABS_VALUE;
}

/** True when `x` is 0 or its magnitude is at least MIN_ABS_VALUE (no denormal-sized inputs). */
export function isZeroOrNotTiny(x: number): boolean {
  return x === 0 || Math.abs(x) >= MIN_ABS_VALUE;
}

/** True for a value someone may enter: in range and not tiny. */
export function isInputValue(x: number): boolean {
  return isValueInRange(x) && isZeroOrNotTiny(x);
}

// eslint-disable-next-line no-control-regex
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string has no NUL character and no unpaired UTF-16 surrogate (both break PostgreSQL text). */
export function isCleanText(s: string): boolean {
  return !BAD_TEXT.test(s);
}
