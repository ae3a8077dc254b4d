import type { ColumnType, Generated } from 'kysely';
import type { NotificationCategory, ReminderStage } from '../core/notifications/category';

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
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are working days (migration 0012). */
  working_days: ColumnType<number[], number[] | undefined, number[]>;
  remind_before_days: Generated<number>;
  escalate_after_days: Generated<number>;
  escalate2_after_days: Generated<number>;
  smtp_url: ColumnType<string | null, string | null | undefined, string | null>;
  mail_from: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'manager' | 'employee' | 'viewer' | 'agency';
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
  last_seen_at: Timestamp;
}

export interface LoginWindowsTable {
  key_hash: string;
  attempts: number;
  reset_at: Timestamp;
}

export interface LoginLockoutsTable {
  email: string;
  failures: number;
  last_failure_at: Timestamp;
  locked_until: Timestamp | null;
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
  /** Vietnamese name order (core/people/sort-names.ts), compared byte by byte. */
  sort_key: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  created_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
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
  login_lockouts: LoginLockoutsTable;
  login_windows: LoginWindowsTable;
  password_resets: PasswordResetsTable;
  org_units: OrgUnitsTable;
  positions: PositionsTable;
  people: PeopleTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  kpis: KpisTable;
  kpi_parents: KpiParentsTable;
  kpi_targets: KpiTargetsTable;
  kpi_actuals: KpiActualsTable;
  kpi_actual_versions: KpiActualVersionsTable;
  kpi_evidence: KpiEvidenceTable;
  api_tokens: ApiTokensTable;
  idempotency_keys: IdempotencyKeysTable;
  appraisal_templates: AppraisalTemplatesTable;
  appraisal_bonus_rules: AppraisalBonusRulesTable;
  appraisal_cycles: AppraisalCyclesTable;
  appraisal_sheets: AppraisalSheetsTable;
  appraisal_items: AppraisalItemsTable;
  appraisal_target_versions: AppraisalTargetVersionsTable;
  appraisal_calibrations: AppraisalCalibrationsTable;
  appraisal_unit_results: AppraisalUnitResultsTable;
  datasets: DatasetsTable;
  kpi_dataset_bindings: KpiDatasetBindingsTable;
  marketing_channels: MarketingChannelsTable;
  campaigns: CampaignsTable;
  campaign_channels: CampaignChannelsTable;
  campaign_agency_users: CampaignAgencyUsersTable;
  campaign_results: CampaignResultsTable;
  awareness_surveys: AwarenessSurveysTable;
  company_holidays: CompanyHolidaysTable;
  kpi_miss_reasons: KpiMissReasonsTable;
  kpi_action_plans: KpiActionPlansTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  reminder_log: ReminderLogTable;
  mail_outbox: MailOutboxTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  report_subscriptions: ReportSubscriptionsTable;
}

type Numeric = ColumnType<string, string | number, string | number>;
type NullableNumeric = ColumnType<string | null, string | number | null, string | number | null>;

export interface KpisTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  description_en: string | null;
  level: string;
  perspective: string;
  kpi_group: string | null;
  unit: string | null;
  direction: string;
  aggregation: string;
  frequency: string | null;
  source: string | null;
  formula: string | null;
  owner_id: number | null;
  measurer_id: number | null;
  report_within_days: number | null;
  baseline_period: string | null;
  baseline_value: NullableNumeric;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<string>;
  scoring: ColumnType<unknown, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KpiParentsTable {
  kpi_id: number;
  parent_id: number;
  weight: Numeric;
}

export interface KpiTargetsTable {
  id: Generated<number>;
  kpi_id: number;
  period_key: string;
  period_kind: string;
  period_start: ColumnType<Date | string, string, string>;
  period_end: ColumnType<Date | string, string, string>;
  scope_type: Generated<'company' | 'unit' | 'person'>;
  scope_id: number | null;
  value: Numeric;
  min_value: NullableNumeric;
  max_value: NullableNumeric;
  stretch: NullableNumeric;
  locked: Generated<boolean>;
  updated_at: Timestamp;
}

export interface KpiActualsTable {
  id: Generated<number>;
  kpi_id: number;
  period_key: string;
  period_kind: string;
  period_start: ColumnType<string, string, string>;
  period_end: ColumnType<string, string, string>;
  scope_type: 'company' | 'unit' | 'person';
  scope_id: number | null;
  value: Numeric;
  numerator: NullableNumeric;
  denominator: NullableNumeric;
  source: string;
  comment: string | null;
  late: Generated<boolean>;
  version: Generated<number>;
  updated_by: number | null;
  updated_by_name: Generated<string>;
  updated_at: Timestamp;
}

export interface KpiActualVersionsTable {
  id: Generated<number>;
  actual_id: number;
  version: number;
  value: Numeric;
  numerator: NullableNumeric;
  denominator: NullableNumeric;
  source: string;
  comment: string | null;
  late: Generated<boolean>;
  changed_by: number | null;
  changed_by_name: string;
  changed_at: Timestamp;
}

export interface KpiEvidenceTable {
  id: Generated<number>;
  actual_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  token_prefix: string;
  kpi_codes: ColumnType<string[], string[] | undefined, string[]>;
  created_by: number | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  token_id: number;
  key: string;
  request_hash: string;
  response: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

/** Migration 0007: people performance (issue 11). JSON columns hold the shapes documented in the migration. */
type DateColumn = ColumnType<string, string, string>;
type JsonColumn<T> = ColumnType<T, string, string>;

export interface AppraisalTemplatesTable {
  id: Generated<number>;
  code: string;
  name: string;
  position_id: number | null;
  groups: JsonColumn<unknown>;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppraisalBonusRulesTable {
  id: Generated<number>;
  effective_from: DateColumn;
  rate: Numeric;
  coefficients: ColumnType<Record<string, number> | null, string | null, string | null>;
  round_step: Numeric;
  note: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface AppraisalCyclesTable {
  id: Generated<number>;
  code: string;
  name: string;
  frequency: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
  period_key: string;
  starts_on: DateColumn;
  ends_on: DateColumn;
  phase: Generated<'targets' | 'agree' | 'track' | 'self' | 'review' | 'calibrate' | 'locked' | 'published'>;
  deadlines: ColumnType<Record<string, string>, string | undefined, string>;
  missing: Generated<'renormalize' | 'zero'>;
  bands: JsonColumn<{ grade: string; min: number }[]>;
  distribution: ColumnType<Record<string, number> | null, string | null, string | null>;
  second_approval: Generated<boolean>;
  locked_at: Timestamp | null;
  published_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppraisalSheetsTable {
  id: Generated<number>;
  cycle_id: number;
  person_id: number;
  template_id: number;
  unit_id: number;
  position_id: number | null;
  reviewer_id: number | null;
  starts_on: DateColumn;
  ends_on: DateColumn;
  groups: JsonColumn<unknown>;
  bonus_base: ColumnType<string, string | number | undefined, string | number>;
  self_submitted_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  reviewed_by: number | null;
  approved_at: Timestamp | null;
  approved_by: number | null;
  own_score: number | null;
  score: number | null;
  grade: string | null;
  calibrated_grade: string | null;
  coefficient: number | null;
  bonus: NullableNumeric;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppraisalItemsTable {
  id: Generated<number>;
  sheet_id: number;
  group_code: string;
  code: string;
  name: JsonColumn<{ vi: string; en: string }>;
  sort: number;
  kind: 'kpi' | 'rated';
  kpi_id: number | null;
  scale: number | null;
  levels: ColumnType<{ vi: string; en: string }[] | null, string | null, string | null>;
  weight: Numeric;
  overridden: Generated<boolean>;
  extra: Generated<boolean>;
  target: NullableNumeric;
  target_status: Generated<'none' | 'proposed' | 'countered' | 'agreed' | 'finalized'>;
  self_rating: NullableNumeric;
  self_comment: Generated<string>;
  manager_rating: NullableNumeric;
  manager_comment: Generated<string>;
  actual: NullableNumeric;
  achievement: number | null;
  score: number | null;
}

export interface AppraisalTargetVersionsTable {
  id: Generated<string>;
  item_id: number;
  version: number;
  action: 'propose' | 'accept' | 'counter' | 'revise' | 'finalize';
  value: NullableNumeric;
  reason: Generated<string>;
  status: string;
  actor_user_id: number | null;
  actor_name: string;
  at: Timestamp;
}

export interface AppraisalCalibrationsTable {
  id: Generated<number>;
  sheet_id: number;
  score: number | null;
  before_grade: string | null;
  after_grade: string;
  reason: string;
  actor_user_id: number | null;
  actor_name: string;
  at: Timestamp;
}

export interface AppraisalUnitResultsTable {
  cycle_id: number;
  unit_id: number;
  people: number;
  score_sum: number;
  mean_score: number | null;
}

/** Migration 0009: the dataset catalogue (issue 12); the dataset tables themselves (`ds_<name>`) are dynamic. */
export interface DatasetsTable {
  id: Generated<number>;
  name: string;
  label: string;
  table_name: string;
  columns: JsonColumn<{ name: string; label: string; type: 'text' | 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean' }[]>;
  key_columns: ColumnType<string[], string | undefined, string>;
  row_count: ColumnType<string, string | number | undefined, string | number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Migration 0011: marketing channels, campaigns, per-channel targets and results, awareness surveys (issue 12 §5). */
export interface MarketingChannelsTable {
  id: Generated<number>;
  code: string;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CampaignsTable {
  id: Generated<number>;
  code: string;
  name: string;
  start_date: string;
  end_date: string;
  budget: Numeric;
  owner_person_id: number | null;
  delivery: 'in_house' | 'agency';
  agency_name: string | null;
  status: Generated<'draft' | 'planned' | 'running' | 'ended'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CampaignChannelsTable {
  campaign_id: number;
  channel_id: number;
  response_rate_target: NullableNumeric;
  cost_per_response_target: NullableNumeric;
  cpa_target: NullableNumeric;
  roas_target: NullableNumeric;
}

export interface CampaignAgencyUsersTable {
  campaign_id: number;
  user_id: number;
}

export interface CampaignResultsTable {
  campaign_id: number;
  channel_id: number;
  period: string;
  recipients: Numeric;
  responses: Numeric;
  cost: Numeric;
  acquisitions: Numeric;
  revenue: Numeric;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface AwarenessSurveysTable {
  campaign_id: number;
  phase: 'before' | 'after';
  taken_on: string;
  aware: number;
  asked: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** A KPI's dataset binding (migration 0010); `scopes` is [{value, scope: {type, id}}]. */
export interface KpiDatasetBindingsTable {
  kpi_id: number;
  dataset: string;
  measure: string;
  date_column: string;
  scope_column: string | null;
  scopes: ColumnType<unknown, string, string>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

// Migration 0012: diagnostics, calendar, reminders, notifications, e-mail, webhooks, report subscriptions.
type ScopeType = 'company' | 'unit' | 'person';

export interface CompanyHolidaysTable {
  day: string;
  name: string;
  name_en: string | null;
}

export interface KpiMissReasonsTable {
  id: Generated<number>;
  kpi_id: number;
  scope_type: ScopeType;
  /** 0 for the company scope. */
  scope_id: Generated<number>;
  period_key: string;
  reason: string;
  comment: string | null;
  controllable: Generated<boolean>;
  from_suggestion: Generated<boolean>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KpiActionPlansTable {
  id: Generated<number>;
  miss_reason_id: number;
  fact: string | null;
  cause: string | null;
  action: string;
  owner_person_id: number | null;
  due_on: string | null;
  status: Generated<'open' | 'in_progress' | 'done' | 'cancelled'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: number;
  category: NotificationCategory;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string | null;
  read_at: Date | null;
  digested_at: Date | null;
  created_at: Timestamp;
}

export interface NotificationPreferencesTable {
  user_id: number;
  category: NotificationCategory;
  email: 'off' | 'immediate' | 'digest';
}

export interface ReminderLogTable {
  kpi_id: number;
  scope_type: ScopeType;
  scope_id: Generated<number>;
  period_key: string;
  stage: ReminderStage;
  recipient_user_id: number;
  sent_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  attachment_name: string | null;
  attachment_type: string | null;
  attachment: Buffer | null;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Timestamp;
}

export interface WebhooksTable {
  id: Generated<number>;
  name: string;
  url: string;
  secret: string;
  events: string[];
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  webhook_id: number;
  event: string;
  payload: ColumnType<unknown, string, string>;
  status: Generated<'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  response_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Timestamp;
}

export interface ReportSubscriptionsTable {
  id: Generated<number>;
  user_id: number;
  report: 'scorecard' | 'diagnostics' | 'late-measurements' | 'digest';
  cadence: 'weekly' | 'monthly';
  format: Generated<'pdf' | 'xlsx'>;
  scope: Generated<string>;
  last_sent_key: string | null;
  created_at: Timestamp;
}
