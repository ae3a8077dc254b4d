import { z } from 'zod';

export const Id = z.coerce.number().int().positive();
export const IdParams = z.strictObject({ id: Id });

/** Trimmed, non-empty text with a maximum length. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());

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
