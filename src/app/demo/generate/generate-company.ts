import { sql, type Kysely } from 'kysely';
import { companyToday } from '../../../core/actuals';
import { DomainError, issue, type Issue } from '../../../core/errors';
import { isValidDate, type IsoDate } from '../../../core/period';
import type { Database } from '../../../db/connect';
import { createStore } from '../../../db/store';
import { mulberry32 } from '../../demo-actuals/prng';
import { hashPassword } from '../../passwords';
import { LIBRARY } from './kpi-library';
import { historyMonths } from './months';
import { MIN_PEOPLE, planOrg, ADMIN_EMAIL } from './org-plan';
import { writeAppraisal } from './write-appraisal';
import { writeKpis } from './write-kpis';
import { writeOrders } from './write-orders';
import { writeOrg } from './write-org';
import { writeValues } from './write-values';

export interface GenerateOptions {
  people: number;
  years?: number;
  orders?: number;
  seed?: number;
  /** IsoDate 'YYYY-MM-DD'; default: the company's today (Asia/Ho_Chi_Minh). */
  today?: string;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface GenerateSummary {
  people: number;
  units: number;
  /** Person KPI assignments: 12 per person (sheet items and person-scope targets). */
  kpis: number;
  /** Rows of kpi_actuals: person check-ins plus unit and company totals. */
  actuals: number;
  orders: number;
  seconds: number;
  password: string;
  /** The admin's email. */
  admin: string;
  /** A division head (a unit manager with a big subtree). */
  manager: string;
  /** An ordinary employee. */
  employee: string;
  /** The manager's unit. */
  unitCode: string;
  /** The latest complete month, e.g. '2026-11'. */
  period: string;
}

/** Every generated account signs in with this password (one hash, computed once). */
export const GENERATED_PASSWORD = 'openkpi-scale';
export const DEFAULT_SEED = 14;
export const DEFAULT_ORDERS = 100_000;
const MAX_PEOPLE = 200_000;
const MAX_ORDERS = 5_000_000;

/**
 * Fills an EMPTY, migrated database with a company of `people` employees (see docs/scale-data.md): the org
 * chart 4 levels deep with a head per unit, accounts, the KPI library, `years` of monthly targets and actuals,
 * the quarter's evaluation cycle with a sheet for everyone, and `orders` rows of the orders dataset. One
 * transaction per step; the same seed and today give the same rows. Refuses a database with any company,
 * account, unit, person or KPI in it (DEMO_DATABASE_NOT_EMPTY), writing nothing.
 */
export async function generateCompany(database: Database, options: GenerateOptions): Promise<GenerateSummary> {
  const begin = performance.now();
  const o = checkedOptions(options);
  if (!(await isEmptyDatabase(database))) {
    throw new DomainError('DEMO_DATABASE_NOT_EMPTY', {
      vi: 'Cơ sở dữ liệu đã có dữ liệu (công ty, tài khoản, phòng ban, nhân sự hoặc KPI); chỉ tạo công ty mẫu vào cơ sở dữ liệu trống. Không ghi gì.',
      en: 'The database already has data (a company, accounts, units, people or KPIs); the generator only fills an empty database. Nothing was written.',
    });
  }
  const progress = options.onProgress ?? (() => {});
  const today = (o.today ?? companyToday(null, new Date())) as IsoDate;
  const rand = mulberry32(o.seed);
  const plan = planOrg(o.people, rand);
  const { months, complete, quarter } = historyMonths(today, o.years);
  const store = createStore(database.db);

  progress('org', 0, 1);
  const passwordHash = await hashPassword(GENERATED_PASSWORD);
  await database.db.transaction().execute(async (trx) => {
    await createStore(trx).company.save({ name: plan.units[0]!.name, timezone: 'Asia/Ho_Chi_Minh', currency: 'VND', locale: 'vi-VN', fiscalYearStartMonth: 1 });
    await writeOrg(trx as unknown as Kysely<unknown>, plan, passwordHash);
  });
  progress('org', 1, 1);

  progress('kpis', 0, LIBRARY.length);
  const kpiIds = await store.transaction((tx) => writeKpis(tx));
  progress('kpis', LIBRARY.length, LIBRARY.length);

  const values = await database.db.transaction().execute((trx) =>
    writeValues(trx as unknown as Kysely<unknown>, { plan, kpiIds, months, complete, quarter, today, rand, onProgress: (done, total) => progress('targets and actuals', done, total) }),
  );

  progress('evaluation cycle', 0, 1);
  await store.transaction((tx) => writeAppraisal(tx, plan, quarter, today));
  progress('evaluation cycle', 1, 1);

  progress('orders', 0, o.orders);
  const orders = o.orders === 0 ? 0 : await store.transaction((tx) => writeOrders(tx, today, o.orders, o.seed, (done, total) => progress('orders', done, total)));

  const division = plan.units.find((u) => u.depth === 1)!;
  const person = (id: number) => plan.people[id - 1]!;
  return {
    people: plan.people.length,
    units: plan.units.length,
    kpis: plan.people.length * 12,
    actuals: values.actuals,
    orders,
    seconds: Math.round(performance.now() - begin) / 1000,
    password: GENERATED_PASSWORD,
    admin: ADMIN_EMAIL,
    manager: person(division.headId).email,
    employee: plan.people.find((p) => p.role === 'employee')!.email,
    unitCode: division.code,
    period: months[complete - 1]!.key,
  };
}

async function isEmptyDatabase(database: Database): Promise<boolean> {
  const { rows } = await sql<{ used: boolean }>`
    SELECT EXISTS (SELECT 1 FROM company) OR EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM org_units)
        OR EXISTS (SELECT 1 FROM people) OR EXISTS (SELECT 1 FROM kpis) AS used`.execute(database.db);
  return !rows[0]!.used;
}

interface Checked {
  people: number;
  years: number;
  orders: number;
  seed: number;
  today: string | undefined;
}

function checkedOptions(o: GenerateOptions): Checked {
  const issues: Issue[] = [];
  const whole = (name: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      issues.push(issue(name, 'out_of_range', `${name} phải là số nguyên từ ${min} đến ${max} (nhận ${value})`, `${name} must be a whole number from ${min} to ${max} (got ${value})`));
    }
  };
  const checked = { people: o.people, years: o.years ?? 2, orders: o.orders ?? DEFAULT_ORDERS, seed: o.seed ?? DEFAULT_SEED, today: o.today };
  whole('people', checked.people, MIN_PEOPLE, MAX_PEOPLE);
  whole('years', checked.years, 1, 5);
  whole('orders', checked.orders, 0, MAX_ORDERS);
  whole('seed', checked.seed, 0, 2 ** 32 - 1);
  if (checked.today !== undefined && !isValidDate(checked.today)) {
    issues.push(issue('today', 'invalid_date', `Ngày "${checked.today}" không phải ngày có thật dạng YYYY-MM-DD`, `The date "${checked.today}" is not a real YYYY-MM-DD date`));
  }
  if (issues.length > 0) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Tùy chọn tạo dữ liệu không hợp lệ.', en: 'The generator options are invalid.' }, { issues });
  }
  return checked;
}
