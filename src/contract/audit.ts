import { z } from 'zod';
import { BigIntCursor, cleanString, queryInt } from './common';

export const AuditQuery = z.strictObject({
  entity: cleanString.max(40).optional(),
  entityId: cleanString.max(40).optional(),
  limit: queryInt(1, 200).default(50),
  before: BigIntCursor.optional(),
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
});
export const AuditList = z.object({ items: z.array(AuditEntry) });
