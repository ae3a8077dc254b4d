import { z } from 'zod';
import { BigIntCursor, cleanString, queryInt } from './common';

export const AuditQuery = z.strictObject({
  entity: cleanString.max(40).optional(),
  entityId: cleanString.max(40).optional(),
  limit: queryInt(1, 200).default(50),
  before: BigIntCursor.optional(),
});
/** What an entry is about, readable: KPI (code and name), scope, period, a name, an imported file. */
export const AuditSubject = z.object({
  kpi: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }).nullable(),
  scope: z.object({ type: z.enum(['company', 'unit', 'person']), id: z.number().nullable(), name: z.string().nullable() }).nullable(),
  period: z.string().nullable(),
  name: z.string().nullable(),
  file: z.string().nullable(),
});
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  system: z.boolean(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  subject: AuditSubject,
});
export const AuditList = z.object({ items: z.array(AuditEntry) });
