import { z } from 'zod';
import { cleanText as text } from './common';

export const Company = z.strictObject({
  name: text(200),
  timezone: text(64),
  currency: z.string().trim().regex(/^[A-Z]{3}$/),
  locale: z.enum(['vi-VN', 'en-US']),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
});
