import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureDataset } from '../../../test/helpers/dataset-fixture';
import { createOrders } from '../../../test/helpers/orders-fixture';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { DomainError } from '../../core/errors';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { SYSTEM_ACTOR } from '../actor';
import { DEFAULT_COMPANY } from '../company/company';
import type { Store } from '../ports';
import { queryDataset } from './query-dataset';
import type { MeasureQueryRequest } from '../../core/dataset/measure-query';

describe.each(engines())('measures over a dataset on %s', (engine) => {
  let database: Database;
  let store: Store;
  const query = (request: Partial<MeasureQueryRequest>) => queryDataset(store, SYSTEM_ACTOR, 'orders', { measures: [], by: [], ...request });
  const sales = { name: 'sales', expression: 'sum(sales)' };

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    await store.company.save({ ...DEFAULT_COMPANY, timezone: 'Asia/Ho_Chi_Minh' });
    await createOrders(database.db);
  });
  afterAll(() => database.close());

  it('sums by month in the company time zone: 23:30 on 31/01 Hanoi time is January', async () => {
    // Hanoi months: Jan 100 + 250 + 300 = 650; Feb 200 + 50.25 + 400 = 650.25; Mar 0.1.
    // (UTC months would give Jan 850 and Feb 450.35: o2 and o6 fall in the previous month.)
    const r = await query({ measures: [sales], by: ['ordered_at:month'] });
    expect(r).toEqual({
      columns: ['ordered_at', 'sales'],
      rows: [
        { ordered_at: '2025-01', sales: 650 },
        { ordered_at: '2025-02', sales: 650.25 },
        { ordered_at: '2025-03', sales: 0.1 },
      ],
    });
  });

  it('groups by region and month, with every grain spelled as a period key', async () => {
    const r = await query({ measures: [sales], by: ['region', 'ordered_at:month'] });
    expect(r.rows).toEqual([
      { region: 'Miền Bắc', ordered_at: '2025-01', sales: 100 },
      { region: 'Miền Bắc', ordered_at: '2025-02', sales: 250.25 }, // 200 + 50.25
      { region: 'Miền Nam', ordered_at: '2025-01', sales: 550 }, // 250 + 300
      { region: 'Miền Nam', ordered_at: '2025-02', sales: 400 },
      { region: 'Miền Nam', ordered_at: '2025-03', sales: 0.1 },
    ]);
    expect((await query({ measures: [sales], by: ['ordered_at:quarter'] })).rows).toEqual([{ ordered_at: '2025-Q1', sales: 1300.35 }]);
    expect((await query({ measures: [sales], by: ['ordered_at:year'] })).rows).toEqual([{ ordered_at: '2025', sales: 1300.35 }]);
    // 2025-01-31 is a Friday of ISO week 5; 2025-02-01 (Saturday) too.
    const weeks = await query({ measures: [sales], by: ['ordered_at:week'], where: "ordered_at >= '2025-01-27' and ordered_at < '2025-02-03'" });
    expect(weeks.rows).toEqual([{ ordered_at: '2025-W05', sales: 300 }]);
    const days = await query({ measures: [sales], by: ['order_date:day'], where: "order_date >= '2025-01-31' and order_date <= '2025-02-01'" });
    expect(days.rows).toEqual([
      { order_date: '2025-01-31', sales: 100 },
      { order_date: '2025-02-01', sales: 200 },
    ]);
  });

  it('without --by gives one row; sums stay exact (0.1 + 50.25 + … = 1300.35)', async () => {
    const r = await query({ measures: [sales, { name: 'orders', expression: 'count()' }, { name: 'customers', expression: 'count_distinct(customer)' }] });
    expect(r).toEqual({ columns: ['sales', 'orders', 'customers'], rows: [{ sales: 1300.35, orders: 7, customers: 4 }] });
  });

  it('returns the ratio of sums, not the mean of ratios', async () => {
    const r = await query({ measures: [{ name: 'margin', expression: 'sum(profit) / sum(sales)' }] });
    // Σprofit = 10+25+30+50+5+100+0.02 = 220.02; Σsales = 1300.35 → 0.169200…
    expect(r.rows[0]!.margin).toBeCloseTo(220.02 / 1300.35, 12);
    // The mean of the row ratios: (0.1 + 0.1 + 0.1 + 0.25 + 5/50.25 + 0.25 + 0.2) / 7 = 0.157072… — a different number.
    const meanOfRatios = (0.1 + 0.1 + 0.1 + 0.25 + 5 / 50.25 + 0.25 + 0.2) / 7;
    expect(Math.abs((r.rows[0]!.margin as number) - meanOfRatios)).toBeGreaterThan(0.01);
    const byRegion = await query({ measures: [{ name: 'margin', expression: 'sum(profit) / sum(sales)' }], by: ['region'] });
    expect(byRegion.rows).toEqual([
      { region: 'Miền Bắc', margin: expect.closeTo(65 / 350.25, 12) },
      { region: 'Miền Nam', margin: expect.closeTo(155.02 / 950.1, 12) },
    ]);
  });

  it('counts distinct customers exactly per group: Jan {c1,c2,c3} + Feb {c2,c3,c4} → quarter 4, not 6', async () => {
    const customers = { name: 'customers', expression: 'count_distinct(customer)' };
    const where = "ordered_at < '2025-03-01'";
    expect((await query({ measures: [customers], by: ['ordered_at:month'], where })).rows).toEqual([
      { ordered_at: '2025-01', customers: 3 },
      { ordered_at: '2025-02', customers: 3 },
    ]);
    expect((await query({ measures: [customers], by: ['ordered_at:quarter'], where })).rows).toEqual([{ ordered_at: '2025-Q1', customers: 4 }]);
  });

  it('filters per aggregate, per measure and for the whole query', async () => {
    const r = await query({
      measures: [
        { name: 'consumer', expression: "sum(sales) where segment = 'Consumer'" }, // 100 + 300 + 50.25 + 400
        { name: 'consumer_share', expression: "sum(sales where segment = 'Consumer') / sum(sales)" },
        { name: 'consumer_margin', expression: "sum(profit) / sum(sales) where segment = 'Consumer' and paid" }, // o1, o5, o4: 115 / 550.25
        { name: 'big', expression: 'count(where sales >= 250) where region = "Miền Nam"' }, // o7, o3, o4
      ],
    });
    expect(r.rows).toEqual([{ consumer: 850.25, consumer_share: expect.closeTo(850.25 / 1300.35, 12), consumer_margin: expect.closeTo(115 / 550.25, 12), big: 3 }]);
    const south = await query({ measures: [sales], where: "region = 'Miền Nam'" });
    expect(south.rows).toEqual([{ sales: 950.1 }]);
    // A datetime compared with a date means the company's calendar: o2 (00:30 on 1 Feb Hanoi) is in.
    const fromFeb = await query({ measures: [sales], where: "ordered_at >= '2025-02-01'" });
    expect(fromFeb.rows).toEqual([{ sales: 650.35 }]);
  });

  it('an empty group gives no value for sums and 0 for counts; integer and boolean group values stay typed', async () => {
    const none = await query({ measures: [sales, { name: 'n', expression: 'count()' }], where: "region = 'Tây Nguyên'" });
    expect(none.rows).toEqual([{ sales: null, n: 0 }]);
    const byQty = await query({ measures: [{ name: 'n', expression: 'count()' }], by: ['qty'] });
    expect(byQty.rows).toEqual([
      { qty: 1, n: 4 },
      { qty: 2, n: 1 },
      { qty: 3, n: 1 },
      { qty: 4, n: 1 },
    ]);
    const byPaid = await query({ measures: [{ name: 'n', expression: 'count()' }], by: ['paid'] });
    expect(byPaid.rows).toEqual([
      { paid: false, n: 1 },
      { paid: true, n: 5 },
      { paid: null, n: 1 },
    ]);
  });

  async function issuesOf(request: Partial<MeasureQueryRequest>) {
    try {
      await query(request);
    } catch (e) {
      const error = e as DomainError;
      return { code: error.code, issues: error.issues.map((i) => `${i.path} ${i.code}`) };
    }
    throw new Error('expected an error');
  }

  it('refuses a missing column, a string compared with a number and SQL-looking text, naming the field', async () => {
    expect(await issuesOf({ measures: [{ name: 'x', expression: 'sum(revenue)' }] })).toEqual({ code: 'DATASET_QUERY_INVALID', issues: ['measures.0.expression UNKNOWN_COLUMN'] });
    expect(await issuesOf({ measures: [sales], where: "sales = 'abc'" })).toEqual({ code: 'DATASET_QUERY_INVALID', issues: ['where TYPE_MISMATCH'] });
    expect(await issuesOf({ measures: [sales], where: '1=1; DROP TABLE ds_orders' })).toEqual({ code: 'DATASET_QUERY_INVALID', issues: ['where UNEXPECTED_CHARACTER'] });
    expect(await issuesOf({ measures: [{ name: 'x', expression: 'sum(sales); DELETE FROM ds_orders' }] })).toMatchObject({ issues: ['measures.0.expression UNEXPECTED_CHARACTER'] });
    expect(await issuesOf({ measures: [{ name: 'x"; DROP TABLE ds_orders; --', expression: 'count()' }], by: ['region; DROP TABLE ds_orders'] })).toEqual({
      code: 'DATASET_QUERY_INVALID',
      issues: ['by.0 INVALID_NAME', 'measures.0.name INVALID_NAME'],
    });
    expect(await issuesOf({ measures: [sales], by: ['nope', 'region:month', 'ordered_at', 'order_date:decade'] })).toEqual({
      code: 'DATASET_QUERY_INVALID',
      issues: ['by.0 UNKNOWN_COLUMN', 'by.1 GRAIN_ON_NON_DATE', 'by.2 GRAIN_NEEDED', 'by.3 UNKNOWN_GRAIN'],
    });
    expect(await issuesOf({ measures: [sales, { name: 'region', expression: 'count()' }], by: ['region'] })).toEqual({ code: 'DATASET_QUERY_INVALID', issues: ['measures.1.name DUPLICATE_NAME'] });
    expect(await issuesOf({ measures: [] })).toEqual({ code: 'DATASET_QUERY_INVALID', issues: ['measures NO_MEASURE'] });
    await expect(queryDataset(store, SYSTEM_ACTOR, 'khong_co', { measures: [sales], by: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses more than 10,000 groups instead of sending them all', async () => {
    await createFixtureDataset(database.db, { name: 'many', columns: [{ name: 'code', type: 'integer' }], rows: [] });
    await sql`INSERT INTO ds_many (code) SELECT g FROM generate_series(1, 10001) g`.execute(database.db);
    const count = { measures: [{ name: 'n', expression: 'count()' }], by: ['code'] };
    await expect(queryDataset(store, SYSTEM_ACTOR, 'many', count)).rejects.toMatchObject({ code: 'QUERY_TOO_MANY_ROWS' });
    const fits = await queryDataset(store, SYSTEM_ACTOR, 'many', { ...count, where: 'code <= 10000' });
    expect(fits.rows).toHaveLength(10_000);
    expect(fits.rows[9_999]).toEqual({ code: 10_000, n: 1 });
  });

  it('keeps quotes and SQL in values as plain data', async () => {
    const r = await query({ measures: [sales], where: "region = 'x''; DROP TABLE ds_orders; --'" });
    expect(r.rows).toEqual([{ sales: null }]);
    const count = await sql<{ n: string }>`SELECT count(*) AS n FROM ds_orders`.execute(database.db);
    expect(Number(count.rows[0]!.n)).toBe(7);
  });
});
