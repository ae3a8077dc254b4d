import type { z } from 'zod';
import type { AuditEntry, AuditList } from '../../contract/audit';
import type { SessionUser } from '../../contract/auth';
import type { ErrorBody, Issue } from '../../contract/common';
import type { Company } from '../../contract/company';
import type { Health } from '../../contract/health';
import type { OrgUnit, PeopleList, Person, PersonView, Position } from '../../contract/org';

// Types only: the zod schemas themselves stay out of the web bundle.
export type UserT = z.infer<typeof SessionUser>;
export type CompanyT = z.infer<typeof Company>;
export type HealthT = z.infer<typeof Health>;
export type OrgUnitT = z.infer<typeof OrgUnit>;
export type PositionT = z.infer<typeof Position>;
export type PersonT = z.infer<typeof Person>;
export type PersonViewT = z.infer<typeof PersonView>;
export type PeopleListT = z.infer<typeof PeopleList>;
export type AuditEntryT = z.infer<typeof AuditEntry>;
export type AuditListT = z.infer<typeof AuditList>;
export type IssueT = z.infer<typeof Issue>;
export type ErrorBodyT = z.infer<typeof ErrorBody>;
