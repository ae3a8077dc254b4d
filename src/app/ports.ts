import type { Role } from '../core/auth/roles';

/** What the use-cases need from storage. `db/store.ts` implements it with Kysely. */
export interface Company {
  name: string;
  timezone: string;
  currency: string;
  locale: 'vi-VN' | 'en-US';
  fiscalYearStartMonth: number;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: 'vi' | 'en';
  active: boolean;
}

export interface UserWithSecret extends User {
  passwordHash: string;
}

export interface OrgUnit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  archived: boolean;
}

export interface Position {
  id: number;
  code: string;
  name: string;
}

export interface Person {
  id: number;
  fullName: string;
  email: string | null;
  unitId: number;
  positionId: number | null;
  managerId: number | null;
  userId: number | null;
  active: boolean;
}

export interface PersonView extends Person {
  unitName: string;
  positionName: string | null;
  managerName: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface NewAuditEntry {
  actorUserId: number | null;
  actorName: string;
  action: 'create' | 'update' | 'archive' | 'import' | 'login' | 'restore';
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface PeopleQuery {
  unitIds?: number[] | undefined;
  personIds?: number[] | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export interface Store {
  /** Runs `fn` in one database transaction: all of its writes land, or none. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;

  company: {
    get(): Promise<Company | null>;
    save(company: Company): Promise<void>;
  };
  users: {
    findByEmail(email: string): Promise<UserWithSecret | null>;
    findById(id: number): Promise<User | null>;
    list(): Promise<User[]>;
    create(input: { email: string; name: string; passwordHash: string; role: Role; locale: 'vi' | 'en' }): Promise<User>;
    update(id: number, patch: Partial<Pick<UserWithSecret, 'name' | 'role' | 'locale' | 'active' | 'passwordHash'>>): Promise<void>;
  };
  sessions: {
    create(tokenHash: string, userId: number, expiresAt: Date): Promise<void>;
    findUser(tokenHash: string, now: Date): Promise<User | null>;
    delete(tokenHash: string): Promise<void>;
  };
  units: {
    list(): Promise<OrgUnit[]>;
    findById(id: number): Promise<OrgUnit | null>;
    findByCode(code: string): Promise<OrgUnit | null>;
    create(input: { code: string; name: string; parentId: number | null }): Promise<OrgUnit>;
    update(id: number, patch: { name?: string; parentId?: number | null; archived?: boolean }): Promise<OrgUnit>;
  };
  positions: {
    list(): Promise<Position[]>;
    findById(id: number): Promise<Position | null>;
    create(input: { code: string; name: string }): Promise<Position>;
  };
  people: {
    query(q: PeopleQuery): Promise<{ items: PersonView[]; total: number }>;
    findById(id: number): Promise<Person | null>;
    findByUserId(userId: number): Promise<Person | null>;
    findByEmails(emails: string[]): Promise<Person[]>;
    create(input: Omit<Person, 'id' | 'active'>): Promise<Person>;
    createMany(inputs: Omit<Person, 'id' | 'active'>[]): Promise<Person[]>;
    update(id: number, patch: Partial<Omit<Person, 'id'>>): Promise<Person>;
    /** Sets many manager links in one statement. */
    setManagers(pairs: { id: number; managerId: number }[]): Promise<void>;
    /** Manager links as pairs, for cycle checks. */
    managerLinks(): Promise<{ id: number; managerId: number | null }[]>;
  };
  audit: {
    record(entries: NewAuditEntry[]): Promise<void>;
    list(q: { entity?: string | undefined; entityId?: string | undefined; limit: number; beforeId?: string | undefined }): Promise<AuditEntry[]>;
  };
}
