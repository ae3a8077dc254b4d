import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrders, createPurchases } from '../../../test/helpers/orders-fixture';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { SYSTEM_ACTOR } from '../actor';
import { DEFAULT_COMPANY } from '../company/company';
import type { Store } from '../ports';
import { datasetCohorts, datasetRepeatShare } from './dataset-cohorts';

describe.each(engines())('cohorts on %s', (engine) => {
  let database: Database;
  let store: Store;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    await store.company.save({ ...DEFAULT_COMPANY, timezone: 'Asia/Ho_Chi_Minh' });
    await createPurchases(database.db);
    await createOrders(database.db);
  });
  afterAll(() => database.close());

  const cohorts = (request: { within: number; cohort?: 'month' | 'quarter' | 'year'; event?: string }) =>
    datasetCohorts(store, SYSTEM_ACTOR, 'purchases', { customer: 'customer', date: 'bought_on', withinDays: request.within, cohort: request.cohort ?? 'year', event: request.event });

  it('a repeat on day N counts with --within N, one on day N+1 does not; same-day events never do', async () => {
    // 2024: k1 (day 30: yes), k2 (day 31: no), k3 (same day only: no), k4 (day 2: yes), k6 (day 15, in 2025: yes) → 3 of 5.
    // 2025: k5 (day 1: yes) → 1 of 1. The row without a customer and the one without a date are no events.
    expect(await cohorts({ within: 30 })).toEqual({
      rows: [
        { cohort: '2024', customers: 5, returning: 3, rate: 0.6 },
        { cohort: '2025', customers: 1, returning: 1, rate: 1 },
      ],
    });
    // Day 31 is inside a 31-day window: k2 returns too.
    expect((await cohorts({ within: 31 })).rows[0]).toEqual({ cohort: '2024', customers: 5, returning: 4, rate: 0.8 });
  });

  it('with --event, a later row of an order already seen on the first day is not a return', async () => {
    // k4's row on 3 May repeats order A of 1 May → 2024: k1, k6 → 2 of 5.
    expect((await cohorts({ within: 30, event: 'order_id' })).rows).toEqual([
      { cohort: '2024', customers: 5, returning: 2, rate: 0.4 },
      { cohort: '2025', customers: 1, returning: 1, rate: 1 },
    ]);
  });

  it('monthly and quarterly cohorts', async () => {
    expect((await cohorts({ within: 30, cohort: 'month' })).rows).toEqual([
      { cohort: '2024-01', customers: 2, returning: 1, rate: 0.5 },
      { cohort: '2024-03', customers: 1, returning: 0, rate: 0 },
      { cohort: '2024-05', customers: 1, returning: 1, rate: 1 },
      { cohort: '2024-12', customers: 1, returning: 1, rate: 1 },
      { cohort: '2025-02', customers: 1, returning: 1, rate: 1 },
    ]);
    expect((await cohorts({ within: 30, cohort: 'quarter' })).rows.map((r) => `${r.cohort} ${r.returning}/${r.customers}`)).toEqual(['2024-Q1 1/3', '2024-Q2 1/1', '2024-Q4 1/1', '2025-Q1 1/1']);
  });

  it('a datetime column counts days in the company time zone', async () => {
    // c2: first 5 Jan 08:00, next 1 Feb 00:30 Hanoi = day 27 (31 Jan 17:30 UTC would be day 26).
    const run = (within: number) => datasetCohorts(store, SYSTEM_ACTOR, 'orders', { customer: 'customer', date: 'ordered_at', withinDays: within, cohort: 'month' });
    expect((await run(26)).rows).toEqual([
      { cohort: '2025-01', customers: 3, returning: 0, rate: 0 },
      { cohort: '2025-02', customers: 1, returning: 1, rate: 1 }, // c4: 10 Feb → 1 Mar Hanoi, day 19
    ]);
    expect((await run(27)).rows[0]).toEqual({ cohort: '2025-01', customers: 3, returning: 1, rate: 1 / 3 });
  });

  it('repeat share: of the customers active in a period, those who had bought before it', async () => {
    const share = (from?: string, to?: string) => datasetRepeatShare(store, SYSTEM_ACTOR, 'purchases', { customer: 'customer', date: 'bought_on', period: 'month', from, to });
    expect((await share()).rows).toEqual([
      { period: '2024-01', customers: 2, repeat: 0, share: 0 },
      { period: '2024-02', customers: 2, repeat: 2, share: 1 }, // k1, k2 first bought in January
      { period: '2024-03', customers: 1, repeat: 0, share: 0 },
      { period: '2024-05', customers: 1, repeat: 0, share: 0 },
      { period: '2024-12', customers: 1, repeat: 0, share: 0 },
      { period: '2025-01', customers: 1, repeat: 1, share: 1 }, // k6
      { period: '2025-02', customers: 1, repeat: 0, share: 0 },
    ]);
    // A range limits the periods, not the history: k6 in January 2025 still had bought in December.
    expect((await share('2025-01-01', '2025-12-31')).rows.map((r) => `${r.period} ${r.repeat}/${r.customers}`)).toEqual(['2025-01 1/1', '2025-02 0/1']);
  });

  it('refuses unknown columns, a non-date date column and a bad window, with field paths', async () => {
    const issues = async (p: Promise<unknown>) => p.then(() => [], (e: { code: string; issues: { path: string; code: string }[] }) => [e.code, ...e.issues.map((i) => `${i.path} ${i.code}`)]);
    expect(await issues(datasetCohorts(store, SYSTEM_ACTOR, 'purchases', { customer: 'khach', date: 'order_id', withinDays: 0, cohort: 'week' as never }))).toEqual([
      'DATASET_QUERY_INVALID',
      'customer UNKNOWN_COLUMN',
      'date NOT_A_DATE',
      'within INVALID_WITHIN',
      'cohort UNKNOWN_GRAIN',
    ]);
    expect(await issues(datasetRepeatShare(store, SYSTEM_ACTOR, 'purchases', { customer: 'customer', date: 'bought_on', period: 'month', from: "2024-01-01'; DROP TABLE ds_purchases; --" }))).toEqual([
      'DATASET_QUERY_INVALID',
      'from INVALID_DATE',
    ]);
  });
});
