import { z } from 'zod';
import { isValidDate } from '../core/period';
import { cleanText, Id } from './common';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isValidDate, { params: { check: 'date' } });

export const Holiday = z.strictObject({ day: Day, name: cleanText(200), nameEn: cleanText(200).nullable() });

/** The company's working week (ISO weekdays, 1 = Monday … 7 = Sunday), reminder stage offsets and holidays. */
export const CalendarSettings = z.strictObject({
  workingDays: z.array(z.number().int().min(1).max(7)).max(7),
  remindBeforeDays: z.number().int().min(0).max(30),
  escalateAfterDays: z.number().int().min(1).max(30),
  escalate2AfterDays: z.number().int().min(1).max(60),
  holidays: z.array(Holiday).max(1000),
});

export const MEASUREMENT_STATES = ['done', 'due-soon', 'due', 'late'] as const;

/** Without from/to: last month to next month; `scope` = mine (default for everyone), unit:<id> or all (what one may read). */
export const MeasurementCalendarQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  scope: z.union([z.literal('mine'), z.literal('all'), z.string().regex(/^unit:[0-9]{1,10}$/)]).optional(),
  person: Id.optional(),
  state: z.enum(MEASUREMENT_STATES).optional(),
});

const Scope = z.object({ type: z.enum(['company', 'unit', 'person']), id: z.number().nullable() });

export const Measurement = z.object({
  kpiCode: z.string(),
  kpiName: z.string(),
  kpiNameEn: z.string().nullable(),
  scope: Scope,
  scopeLabel: z.string(),
  unitId: z.number().nullable(),
  period: z.string(),
  deadline: z.string(),
  state: z.enum(MEASUREMENT_STATES),
  measurer: z.object({ personId: z.number(), name: z.string() }).nullable(),
});

export const MeasurementCalendar = z.object({
  today: z.string(),
  from: z.string(),
  to: z.string(),
  counts: z.object({ done: z.number(), 'due-soon': z.number(), due: z.number(), late: z.number() }),
  /** At most 500 items, by deadline; counts are over all of them. */
  items: z.array(Measurement),
});
