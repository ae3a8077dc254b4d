import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface CompanyTable {
  id: number;
  name: string;
  timezone: Generated<string>;
  currency: Generated<string>;
  locale: Generated<string>;
  fiscal_year_start_month: Generated<number>;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'manager' | 'employee' | 'viewer';
  locale: Generated<'vi' | 'en'>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface OrgUnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  parent_id: number | null;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PositionsTable {
  id: Generated<number>;
  code: string;
  name: string;
  archived_at: Timestamp | null;
  created_at: Timestamp;
}

export interface PeopleTable {
  id: Generated<number>;
  full_name: string;
  email: string | null;
  unit_id: number;
  position_id: number | null;
  manager_id: number | null;
  user_id: number | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Json;
  after: Json;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export interface DB {
  company: CompanyTable;
  users: UsersTable;
  sessions: SessionsTable;
  org_units: OrgUnitsTable;
  positions: PositionsTable;
  people: PeopleTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}
