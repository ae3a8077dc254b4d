import { z } from 'zod';
import { MAX_ABS_VALUE, MAX_BIGINT_DIGITS, MAX_ID, MAX_WEIGHT, MIN_DENOMINATOR, isCleanText, isValueInRange, isZeroOrNotTiny } from '../core/limits';

// ── Building blocks for request schemas: every number finite and in range, every text clean (docs/api.md "Limits").
// Custom checks carry `params.check`; server/validation-messages.ts turns it into a vi/en message.

/** Any string without NUL or a lone UTF-16 surrogate (both break PostgreSQL text); for searches and free input. */
export const cleanString = z.string().refine(isCleanText, { params: { check: 'clean_text' } });

/** Trimmed, clean text of `min` (default 1, non-empty) to `max` characters. */
export const cleanText = (max: number, min = 1) => z.string().trim().min(min).max(max).refine(isCleanText, { params: { check: 'clean_text' } });

/** Trimmed clean text that may be empty, with a maximum length. */
export const cleanTextOrEmpty = (max: number) => z.string().trim().max(max).refine(isCleanText, { params: { check: 'clean_text' } });

/** A value, target, numerator, baseline or scoring parameter: finite, |x| ≤ 10^15, 0 or |x| ≥ 10^-9. */
export const finiteValue = z
  .number()
  .min(-MAX_ABS_VALUE)
  .max(MAX_ABS_VALUE)
  .refine(isZeroOrNotTiny, { params: { check: 'tiny_value' } });

/** A ratio denominator: 10^-6 … 10^15. */
export const denominator = z.number().min(MIN_DENOMINATOR).max(MAX_ABS_VALUE);

/**
 * For bodies with a numerator and a denominator: their quotient is the stored value, so it must be in range
 * too (10^15 / 10^-6 would be 10^21). Checked only when both parts are themselves valid.
 */
export function ratioInRange(v: { numerator?: number | null | undefined; denominator?: number | null | undefined }, ctx: z.RefinementCtx): void {
  const { numerator: n, denominator: d } = v;
  if (n == null || d == null || !isValueInRange(n) || !(d >= MIN_DENOMINATOR) || isValueInRange(n / d)) return;
  ctx.addIssue({ code: 'custom', path: ['numerator'], params: { check: 'ratio_range' } });
}

/** A strictly positive amount (tolerance, rounding step): 10^-9 … 10^15. */
export const positiveValue = z.number().positive().max(MAX_ABS_VALUE).refine(isZeroOrNotTiny, { params: { check: 'tiny_value' } });

/** A weight (parent KPI, cascade part): > 0 and ≤ 10^6, at least 10^-9. */
export const weight = z.number().positive().max(MAX_WEIGHT).refine(isZeroOrNotTiny, { params: { check: 'tiny_value' } });

/** An id in a JSON body: an integer 1 … 2^31 − 1 (the `integer` columns). */
export const RefId = z.number().min(1).max(MAX_ID, { abort: true }).int();

/** An id in a path or query string: digits → 1 … 2^31 − 1; anything else is 400, a well-formed absent id 404. */
export const Id = z.coerce.number().min(1).max(MAX_ID, { abort: true }).int();
export const IdParams = z.strictObject({ id: Id });

/** An integer query parameter within [min, max] (limits, offsets). */
export const queryInt = (min: number, max: number) => z.coerce.number().min(min).max(max, { abort: true }).int();

/** A cursor over a `bigint` id (the audit log): 1 to 18 digits. */
export const BigIntCursor = z.string().regex(new RegExp(`^\\d{1,${MAX_BIGINT_DIGITS}}$`));

export const Email = z.string().trim().toLowerCase().max(254).refine(isCleanText, { params: { check: 'clean_text' } }).pipe(z.email());

export const Issue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  row: z.number().optional(),
  column: z.string().optional(),
});

/** Every error response has this shape; `code` is stable, `message` is in the request's language. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(Issue).optional() }),
});

export const Ok = z.object({ ok: z.literal(true) });
