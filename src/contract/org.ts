import { z } from 'zod';
import { MAX_OFFSET } from '../core/limits';
import { Email, Id, RefId, cleanTextOrEmpty, cleanText as text, queryInt } from './common';

const Code = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);

export const OrgUnit = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  parentId: z.number().nullable(),
  archived: z.boolean(),
  inScope: z.boolean(),
});
export const OrgUnitList = z.object({ items: z.array(OrgUnit) });
/** Per unit the reader may see the people of: active people of the unit itself and who leads it. */
export const OrgUnitSummary = z.object({
  unitId: z.number(),
  people: z.number(),
  head: z.object({ id: z.number(), fullName: z.string() }).nullable(),
});
export const OrgUnitSummaryList = z.object({ items: z.array(OrgUnitSummary) });
export const CreateOrgUnitBody = z.strictObject({ code: Code, name: text(200), parentId: RefId.nullable() });
export const UpdateOrgUnitBody = z.strictObject({
  name: text(200).optional(),
  parentId: RefId.nullable().optional(),
  archived: z.boolean().optional(),
});

export const Position = z.object({ id: z.number(), code: z.string(), name: z.string() });
export const PositionList = z.object({ items: z.array(Position) });
export const CreatePositionBody = z.strictObject({ code: Code, name: text(200) });

export const Person = z.object({
  id: z.number(),
  fullName: z.string(),
  email: z.string().nullable(),
  unitId: z.number(),
  positionId: z.number().nullable(),
  managerId: z.number().nullable(),
  userId: z.number().nullable(),
  active: z.boolean(),
});
export const PersonView = Person.extend({
  unitName: z.string(),
  positionName: z.string().nullable(),
  managerName: z.string().nullable(),
});
export const PeopleQuery = z.strictObject({
  unitId: Id.optional(),
  q: cleanTextOrEmpty(200).optional(),
  limit: queryInt(1, 500).default(50),
  offset: queryInt(0, MAX_OFFSET).default(0),
});
export const PeopleList = z.object({ items: z.array(PersonView), total: z.number() });
export const CreatePersonBody = z.strictObject({
  fullName: text(200),
  email: Email.nullable().optional(),
  unitId: RefId,
  positionId: RefId.nullable().optional(),
  managerId: RefId.nullable().optional(),
});
export const UpdatePersonBody = z.strictObject({
  fullName: text(200).optional(),
  email: Email.nullable().optional(),
  unitId: RefId.optional(),
  positionId: RefId.nullable().optional(),
  managerId: RefId.nullable().optional(),
  active: z.boolean().optional(),
});
export const ImportPeopleQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });
export const ImportPeopleResult = z.object({ dryRun: z.boolean(), rows: z.number(), created: z.number() });
