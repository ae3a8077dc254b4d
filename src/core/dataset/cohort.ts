import { issue, type Issue } from '../errors';
import { findColumn, isDateColumn, localDateSql, queryInvalid, quoteIdent } from './columns';
import type { Grain } from './grain';
import type { DatasetInfo } from './types';

export type CohortGrain = Extract<Grain, 'month' | 'quarter' | 'year'>;
export const COHORT_GRAINS: readonly CohortGrain[] = ['month', 'quarter', 'year'];
export const MAX_WITHIN_DAYS = 3660;

/**
 * Returning customers by cohort. A customer's cohort is the period of their first event (company-local date).
 * They are **returning** when they have another event — with a different `event` value than every event of
 * their first day, when `event` is given — on a later date at most `withinDays` days after the first event
 * date (inclusive; same-day events do not count).
 */
export interface CohortRequest {
  customer: string;
  date: string;
  event?: string | undefined;
  withinDays: number;
  cohort: CohortGrain;
  /**
   * Also group by the value of this column on the customer's first event (e.g. the channel of the first order);
   * when the first day has several rows, the smallest value counts.
   */
  firstBy?: string | undefined;
}

/**
 * Repeat share, the other common definition: of the customers with an event in a period, the share whose
 * first event ever was before that period (they "had bought before").
 */
export interface RepeatShareRequest {
  customer: string;
  date: string;
  period: CohortGrain;
  /** Only periods overlapping [from, to] (company-local dates, inclusive); earlier history still counts as "before". */
  from?: string | undefined;
  to?: string | undefined;
}

/** The compiled parts of a cohort query: quoted identifiers from the catalogue; $1 is the time zone when `needsTz`. */
export interface CohortColumnsPlan {
  table: string;
  customer: string;
  /** The company-local date of the event (a date column, or a datetime converted with $1). */
  date: string;
  /** The date column itself (quoted), for cheap NULL checks. */
  dateColumn: string;
  event: string | null;
  needsTz: boolean;
}

export interface CohortPlan extends CohortColumnsPlan {
  withinDays: number;
  cohort: CohortGrain;
  /** The quoted column to group by on the first event, or null. */
  firstBy: string | null;
}

export interface RepeatSharePlan extends CohortColumnsPlan {
  period: CohortGrain;
  from: string | null;
  to: string | null;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function planCohort(dataset: DatasetInfo, request: CohortRequest): CohortPlan {
  const issues: Issue[] = [];
  const columns = cohortColumns(dataset, request, issues);
  if (!Number.isInteger(request.withinDays) || request.withinDays < 1 || request.withinDays > MAX_WITHIN_DAYS) {
    issues.push(
      issue('within', 'INVALID_WITHIN', `Số ngày quay lại phải là số nguyên từ 1 đến ${MAX_WITHIN_DAYS}`, `The return window must be a whole number of days from 1 to ${MAX_WITHIN_DAYS}`),
    );
  }
  checkGrain(request.cohort, 'cohort', issues);
  const firstBy = request.firstBy === undefined ? null : findColumn(dataset, request.firstBy, 'firstBy', issues);
  if (issues.length > 0 || !columns) throw queryInvalid(issues);
  return { ...columns, withinDays: request.withinDays, cohort: request.cohort, firstBy: firstBy ? quoteIdent(firstBy.name) : null };
}

export function planRepeatShare(dataset: DatasetInfo, request: RepeatShareRequest): RepeatSharePlan {
  const issues: Issue[] = [];
  const columns = cohortColumns(dataset, request, issues);
  checkGrain(request.period, 'period', issues);
  for (const key of ['from', 'to'] as const) {
    const value = request[key];
    if (value !== undefined && !ISO_DATE.test(value)) {
      issues.push(issue(key, 'INVALID_DATE', `Ngày "${value}" không hợp lệ: dùng dạng YYYY-MM-DD`, `Invalid date "${value}": use YYYY-MM-DD`));
    }
  }
  if (request.from && request.to && request.from > request.to) {
    issues.push(issue('to', 'INVALID_RANGE', 'Ngày kết thúc phải sau ngày bắt đầu', 'The end date must not be before the start date'));
  }
  if (issues.length > 0 || !columns) throw queryInvalid(issues);
  return { ...columns, period: request.period, from: request.from ?? null, to: request.to ?? null };
}

function cohortColumns(dataset: DatasetInfo, request: { customer: string; date: string; event?: string | undefined }, issues: Issue[]): CohortColumnsPlan | null {
  const customer = findColumn(dataset, request.customer, 'customer', issues);
  const date = findColumn(dataset, request.date, 'date', issues);
  const event = request.event === undefined ? null : findColumn(dataset, request.event, 'event', issues);
  if (date && !isDateColumn(date)) {
    issues.push(issue('date', 'NOT_A_DATE', `Cột '${date.name}' không phải cột ngày`, `Column '${date.name}' is not a date column`));
  }
  if (!customer || !date || (request.event !== undefined && !event) || !isDateColumn(date)) return null;
  return {
    table: quoteIdent(dataset.tableName),
    customer: quoteIdent(customer.name),
    date: localDateSql(date, '$1'),
    dateColumn: quoteIdent(date.name),
    event: event ? quoteIdent(event.name) : null,
    needsTz: date.type === 'datetime',
  };
}

function checkGrain(grain: string, path: string, issues: Issue[]): void {
  if (!(COHORT_GRAINS as readonly string[]).includes(grain)) {
    issues.push(issue(path, 'UNKNOWN_GRAIN', `Kỳ '${grain}' không hợp lệ: month, quarter hoặc year`, `Unknown grain '${grain}': month, quarter or year`));
  }
}
