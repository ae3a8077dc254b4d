import type { Role } from '../core/auth/roles';
import type { ScoringConfig } from '../core/evaluation';
import type { KpiDefinition, KpiFrequency, KpiTarget } from '../core/kpi';
import type { AppraisalStore } from './appraisal/ports';
import type { DatasetQueriesStore, DatasetsStore } from './datasets/ports';
import type { KpiBindingsStore } from './kpi-binding/ports';
import type { MarketingStore } from './marketing/ports';
import type { CalendarStore } from './calendar/ports';
import type { RemindersStore } from './reminders/ports';
import type { DiagnosticsStore } from './diagnostics/ports';
import type { NotificationsStore } from './notifications/ports';
import type { MailStore } from './mail/ports';
import type { WebhooksStore } from './webhooks/ports';
import type { SubscriptionsStore } from './subscriptions/ports';
import type { AuditNames, AuditRefs } from './audit/subjects';

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
  /** Written by the system itself (start-up, CLI, recomputation), not by a signed-in user. */
  system: boolean;
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

/** A KPI as stored: people are ids; `owner`/`measurer` of the definition hold their emails for display and KPI-as-code. */
export interface KpiRecord extends Omit<KpiDefinition, 'targets'> {
  id: number;
  ownerId: number | null;
  measurerId: number | null;
  ownerName: string | null;
  measurerName: string | null;
  /** The owner's unit: the unit a KPI belongs to for permissions (null without an owner). */
  ownerUnitId: number | null;
  /** Company-wide targets (scope company), by period. */
  targets: KpiTarget[];
  /** How achievement becomes a score and a status; `{}` = the defaults. */
  scoring: ScoringConfig;
  updatedAt: string;
}

/** What is written for a KPI; parents by id. */
export interface KpiWrite extends Omit<KpiDefinition, 'targets' | 'parents' | 'owner' | 'measurer'> {
  ownerId: number | null;
  measurerId: number | null;
  /** Left out = keep the stored scoring settings. */
  scoring?: ScoringConfig | undefined;
}

export type TargetScope = { type: 'company'; id: null } | { type: 'unit'; id: number } | { type: 'person'; id: number };

export interface TargetRecord extends KpiTarget {
  id: number;
  kpiId: number;
  scope: TargetScope;
  start: string;
  end: string;
  locked: boolean;
}

/** A target as evaluation reads it: the KPI, the scope id (null = company) and the period's numbers. */
export interface ScopedTargetValue extends KpiTarget {
  kpiId: number;
  scopeId: number | null;
}

export interface TargetWrite {
  kpiId: number;
  period: string;
  kind: string;
  start: string;
  end: string;
  scope: TargetScope;
  value: number;
  min?: number | null | undefined;
  max?: number | null | undefined;
  stretch?: number | null | undefined;
  locked?: boolean | undefined;
}

/** `dataset`: computed from the KPI's dataset binding (app/kpi-binding). */
export type ActualSource = 'checkin' | 'import' | 'api' | 'formula' | 'dataset';

export interface ActualRecord {
  id: number;
  kpiId: number;
  period: string;
  kind: string;
  start: string;
  end: string;
  scope: TargetScope;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: ActualSource;
  comment: string | null;
  late: boolean;
  version: number;
  updatedAt: string;
  /** Who wrote the current value (a user, or an import's or integration's name). */
  updatedByName: string | null;
}

export interface ActualWrite {
  kpiId: number;
  period: string;
  kind: string;
  start: string;
  end: string;
  scope: TargetScope;
  value: number;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
  source: ActualSource;
  comment?: string | null | undefined;
  late: boolean;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** One slot after an upsert: the row as stored, and what it held before (null when the write created it). */
export interface WrittenActual {
  change: 'inserted' | 'updated' | 'unchanged';
  actual: ActualRecord;
  before: Pick<ActualRecord, 'value' | 'numerator' | 'denominator' | 'comment' | 'late' | 'version'> | null;
}

/** A computed KPI as the formula recompute reads it. */
export interface FormulaKpiRow {
  id: number;
  code: string;
  formula: string;
  frequency: KpiFrequency | null;
}

export interface ActualVersion {
  version: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: ActualSource;
  comment: string | null;
  late: boolean;
  changedByName: string;
  changedAt: string;
}

/** Actuals of one KPI and scope rolled up over a date range, from rows of one period kind. */
export interface ActualAggregate {
  kpiId: number;
  scope: TargetScope;
  kind: string;
  count: number;
  sum: number;
  avg: number;
  min: number;
  max: number;
  /** Value of the latest period in the range. */
  last: number;
  numeratorSum: number | null;
  denominatorSum: number | null;
}

export interface EvidenceFile {
  id: number;
  actualId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  kpiCodes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

export interface KpiFilter {
  status?: string | undefined;
  level?: string | undefined;
  perspective?: string | undefined;
  unit?: string | undefined;
  ownerId?: number | undefined;
  search?: string | undefined;
}

export interface Store {
  /** Runs `fn` in one database transaction: all of its writes land, or none. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;

  /** Changes whenever data that reads depend on changes (migration 0013); cached reads are keyed by it. */
  dataVersion: { read(): Promise<string> };
  company: {
    get(): Promise<Company | null>;
    save(company: Company): Promise<void>;
    /**
     * Waits for, then holds until the transaction ends, the lock of first-time setup (the demo company): two app
     * instances starting on one empty database set it up once. Call inside `store.transaction`.
     */
    lockSetup(): Promise<void>;
  };
  users: {
    findByEmail(email: string): Promise<UserWithSecret | null>;
    findById(id: number): Promise<User | null>;
    /** Every login with the person it is linked to (if any). */
    list(): Promise<(User & { personId: number | null })[]>;
    create(input: { email: string; name: string; passwordHash: string; role: Role; locale: 'vi' | 'en' }): Promise<User>;
    update(id: number, patch: Partial<Pick<UserWithSecret, 'name' | 'role' | 'locale' | 'active' | 'passwordHash'>>): Promise<void>;
    /** Ids of the active admins, locked until the transaction ends (two demotions at once cannot both pass). */
    lockActiveAdmins(): Promise<number[]>;
    /** Stores a password reset token (its hash); earlier unused tokens of the user stop working. */
    saveResetToken(t: { tokenHash: string; userId: number; createdBy: number | null; expiresAt: Date }): Promise<void>;
    /** Marks an unused, unexpired token used and returns its user; null when unknown, used or expired. */
    takeResetToken(tokenHash: string, now: Date): Promise<number | null>;
  };
  sessions: {
    /** A new session, last seen `now`. */
    create(tokenHash: string, userId: number, expiresAt: Date, now: Date): Promise<void>;
    /** The signed-in user of a session that has not expired and was last seen after `seenAfter` (idle limit). */
    findActive(tokenHash: string, now: Date, seenAfter: Date): Promise<{ user: User; expiresAt: Date; lastSeenAt: Date } | null>;
    /** Records that the session was used at `now` (it is not idle). */
    touch(tokenHash: string, now: Date): Promise<void>;
    delete(tokenHash: string): Promise<void>;
    /** Ends every session of a user except the one given (a password change keeps the current browser signed in). */
    deleteForUser(userId: number, exceptTokenHash: string | null): Promise<void>;
  };
  /** Failed logins per lower-cased e-mail (known or not), across every client address. */
  loginLockouts: {
    /** The end of the e-mail's lock, or null when it is not locked at `now`. */
    lockedUntil(email: string, now: Date): Promise<Date | null>;
    /** Counts one failed login; the `threshold`-th in a row locks the e-mail until `lockUntil` and restarts the count. Returns the lock's end, or null. */
    recordFailure(email: string, now: Date, threshold: number, lockUntil: Date): Promise<Date | null>;
    /** Forgets the failures and any lock (a successful login, a password reset). */
    clear(email: string): Promise<void>;
  };
  /** The login throttle's fixed windows, by key hash, shared by every app instance (src/server/login-throttle.ts). */
  loginWindows: {
    /**
     * Counts one attempt in each window (a window that ended at `now` starts again, ending at `now + windowMs`) unless
     * one is full (its count has reached its `max`): then nothing is counted and the latest end of the full windows is
     * returned. Atomic across instances.
     */
    take(windows: { keyHash: string; max: number }[], now: Date, windowMs: number): Promise<{ ok: true } | { ok: false; resetAt: Date }>;
    /** Gives one attempt back to each window (a successful login does not count). */
    giveBack(keyHashes: string[]): Promise<void>;
    /** Drops windows that ended before `now`. */
    prune(now: Date): Promise<void>;
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
    update(id: number, patch: { name: string }): Promise<Position>;
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
    /** Active people with their unit and manager, for the org chart drawing (heads and counts). */
    activeMembers(): Promise<{ id: number; unitId: number; managerId: number | null; fullName: string }[]>;
  };
  kpis: {
    list(filter?: KpiFilter): Promise<KpiRecord[]>;
    findByCode(code: string): Promise<KpiRecord | null>;
    findById(id: number): Promise<KpiRecord | null>;
    /** id and code of every KPI, archived ones included (codes are never reused). */
    codes(): Promise<{ id: number; code: string; status: string }[]>;
    create(kpi: KpiWrite): Promise<number>;
    update(id: number, kpi: KpiWrite): Promise<void>;
    setParents(kpiId: number, parents: { parentId: number; weight: number }[]): Promise<void>;
    /** Every parent link, for cycle checks and the strategy tree. */
    links(): Promise<{ kpiId: number; parentId: number; weight: number }[]>;
  };
  targets: {
    list(q: { kpiId?: number | undefined; scope?: TargetScope | undefined; from?: string | undefined; to?: string | undefined }): Promise<TargetRecord[]>;
    /**
     * Each target of these KPIs (with the period kind of their frequency) and period keys overlapping [from, to] —
     * (KPI, scope, period key) — with whether an actual is stored
     * for it (`late` of that actual, or null when none): joined in the database, for the measurement calendar.
     * `openOnly`: just the slots with no actual (what reminders chase).
     */
    reportSlots(q: { kpis: { kpiId: number; kind: string }[]; periodKeys: string[]; from: string; to: string; openOnly?: boolean }): Promise<{ kpiId: number; scope: TargetScope; period: string; late: boolean | null }[]>;
    upsert(targets: TargetWrite[]): Promise<void>;
    /** Removes the targets of one KPI and scope whose period is not in `keep`. */
    removeOthers(kpiId: number, scope: TargetScope, keep: string[]): Promise<number>;
    /**
     * Just the values of every target of one scope type overlapping [from, to] (in `list` order per KPI),
     * for set-based evaluation of many scopes at once.
     */
    valuesInPeriod(q: { from: string; to: string; scopeType: TargetScope['type'] }): Promise<ScopedTargetValue[]>;
  };
  actuals: {
    list(q: {
      kpiIds?: number[] | undefined;
      scope?: TargetScope | undefined;
      kind?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
    }): Promise<ActualRecord[]>;
    findById(id: number): Promise<ActualRecord | null>;
    /**
     * Inserts or updates actuals by (KPI, period, scope) in bulk, set-based. A row whose value,
     * parts and comment are unchanged is left alone (imports are idempotent); every change adds a version.
     * Lateness is decided by the first report: an update keeps the stored `late`.
     */
    upsert(rows: ActualWrite[], by: { userId: number | null; name: string }): Promise<WriteCounts>;
    /**
     * The same upsert for a request of a few rows (a check-in, a push), in one statement that also
     * returns each slot as stored afterwards, with the values it replaced: no read-back needed.
     */
    upsertReturning(rows: ActualWrite[], by: { userId: number | null; name: string }): Promise<WriteCounts & { rows: WrittenActual[] }>;
    /** Formula KPIs that are not archived, with just what a recompute needs (not the whole KPI library). */
    formulaKpis(): Promise<FormulaKpiRow[]>;
    /** Ids of the KPIs with these codes (archived ones included); codes not found are absent. */
    kpiIdsByCode(codes: string[]): Promise<Map<string, number>>;
    versions(actualId: number): Promise<ActualVersion[]>;
    /** Deletes formula-computed values (source `formula`) at these slots, with their versions. */
    removeComputed(slots: { kpiId: number; kind: string; start: string; scope: TargetScope }[]): Promise<number>;
    /** Set-based roll-up of actuals of `kind` inside [from, to], per KPI and scope. */
    aggregate(q: {
      from: string;
      to: string;
      kind: string;
      kpiIds?: number[] | undefined;
      scopeType?: TargetScope['type'] | undefined;
      /** null = company scope; a number = that unit or person. */
      scopeId?: number | null | undefined;
    }): Promise<ActualAggregate[]>;
  };
  evidence: {
    add(file: { actualId: number; fileName: string; contentType: string; data: Buffer; sha256: string; uploadedBy: number | null }): Promise<EvidenceFile>;
    list(actualId: number): Promise<EvidenceFile[]>;
    /** Evidence of many actuals at once, by actual id. */
    listFor(actualIds: number[]): Promise<Map<number, EvidenceFile[]>>;
    get(id: number): Promise<(EvidenceFile & { data: Buffer }) | null>;
  };
  apiTokens: {
    create(t: { name: string; tokenHash: string; prefix: string; kpiCodes: string[]; createdBy: number | null }): Promise<ApiToken>;
    findActiveByHash(hash: string): Promise<ApiToken | null>;
    list(): Promise<ApiToken[]>;
    revoke(id: number): Promise<boolean>;
    touch(id: number): Promise<void>;
    /**
     * Claims (token, Idempotency-Key) for this request, or returns what an earlier request stored.
     * A concurrent request with the same key waits on the claim until the first one commits.
     */
    claimIdempotent(tokenId: number, key: string, requestHash: string): Promise<{ requestHash: string; response: unknown } | null>;
    saveIdempotent(tokenId: number, key: string, response: unknown): Promise<void>;
  };
  audit: {
    record(entries: NewAuditEntry[]): Promise<void>;
    list(q: { entity?: string | undefined; entityId?: string | undefined; limit: number; beforeId?: string | undefined }): Promise<AuditEntry[]>;
    /** Names of the things entries refer to (KPIs, units, people, actuals …), one query per kind. */
    names(refs: AuditRefs): Promise<AuditNames>;
  };
  appraisal: AppraisalStore;
  datasets: DatasetsStore;
  datasetQueries: DatasetQueriesStore;
  kpiBindings: KpiBindingsStore;
  marketing: MarketingStore;
  calendar: CalendarStore;
  reminders: RemindersStore;
  diagnostics: DiagnosticsStore;
  notifications: NotificationsStore;
  mail: MailStore;
  webhooks: WebhooksStore;
  subscriptions: SubscriptionsStore;
}
