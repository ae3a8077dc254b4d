import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';
import { createFixtureDataset } from './dataset-fixture';

/**
 * Seven orders around a month end in Hanoi time (UTC+7), and purchases for cohorts, worked by hand in the tests
 * (src/app/datasets/query-dataset.test.ts, dataset-cohorts.test.ts, the routes and CLI tests).
 *
 * | order | customer | region   | segment   | ordered_at (Hanoi)  | UTC month | sales  | profit |
 * | o1    | c1       | Miền Bắc | Consumer  | 2025-01-31 23:30    | Jan       | 100    | 10     |
 * | o7    | c2       | Miền Nam | Corporate | 2025-01-05 08:00    | Jan       | 250    | 25     |
 * | o3    | c3       | Miền Nam | Consumer  | 2025-01-15 10:00    | Jan       | 300    | 30     |
 * | o2    | c2       | Miền Bắc | Corporate | 2025-02-01 00:30    | Jan (!)   | 200    | 50     |
 * | o5    | c3       | Miền Bắc | Consumer  | 2025-02-20 09:00    | Feb       | 50.25  | 5      |
 * | o4    | c4       | Miền Nam | Consumer  | 2025-02-10 09:00    | Feb       | 400    | 100    |
 * | o6    | c4       | Miền Nam | Corporate | 2025-03-01 05:00    | Feb (!)   | 0.1    | 0.02   |
 */
export async function createOrders(db: Kysely<DB>) {
  return createFixtureDataset(db, {
    name: 'orders',
    columns: [
      { name: 'order_id', type: 'text' },
      { name: 'customer', type: 'text' },
      { name: 'region', type: 'text' },
      { name: 'segment', type: 'text' },
      { name: 'ordered_at', type: 'datetime' },
      { name: 'order_date', type: 'date' },
      { name: 'sales', type: 'decimal' },
      { name: 'profit', type: 'decimal' },
      { name: 'qty', type: 'integer' },
      { name: 'paid', type: 'boolean' },
    ],
    rows: [
      ['o1', 'c1', 'Miền Bắc', 'Consumer', '2025-01-31T23:30:00+07:00', '2025-01-31', '100', '10', 1, true],
      ['o7', 'c2', 'Miền Nam', 'Corporate', '2025-01-05T08:00:00+07:00', '2025-01-05', '250', '25', 2, true],
      ['o3', 'c3', 'Miền Nam', 'Consumer', '2025-01-15T10:00:00+07:00', '2025-01-15', '300', '30', 3, false],
      ['o2', 'c2', 'Miền Bắc', 'Corporate', '2025-02-01T00:30:00+07:00', '2025-02-01', '200', '50', 1, true],
      ['o5', 'c3', 'Miền Bắc', 'Consumer', '2025-02-20T09:00:00+07:00', '2025-02-20', '50.25', '5', 1, true],
      ['o4', 'c4', 'Miền Nam', 'Consumer', '2025-02-10T09:00:00+07:00', '2025-02-10', '400', '100', 4, true],
      ['o6', 'c4', 'Miền Nam', 'Corporate', '2025-03-01T05:00:00+07:00', '2025-03-01', '0.1', '0.02', 1, null],
    ],
  });
}

/**
 * Purchases for cohorts (dates are calendar dates), with a 30-day window:
 * k1 returns on day 30 (counts), k2 on day 31 (does not), k3 buys twice on its first day only, k4's later row
 * repeats its first order A (a return only without --event), k6 returns across the new year, k5 is the 2025 cohort.
 */
export async function createPurchases(db: Kysely<DB>) {
  return createFixtureDataset(db, {
    name: 'purchases',
    columns: [
      { name: 'customer', type: 'text' },
      { name: 'bought_on', type: 'date' },
      { name: 'order_id', type: 'text' },
    ],
    rows: [
      ['k1', '2024-01-10', 'k1-a'],
      ['k1', '2024-02-09', 'k1-b'],
      ['k2', '2024-01-10', 'k2-a'],
      ['k2', '2024-02-10', 'k2-b'],
      ['k3', '2024-03-05', 'k3-a'],
      ['k3', '2024-03-05', 'k3-b'],
      ['k4', '2024-05-01', 'A'],
      ['k4', '2024-05-03', 'A'],
      ['k6', '2024-12-31', 'k6-a'],
      ['k6', '2025-01-15', 'k6-b'],
      ['k5', '2025-02-01', 'k5-a'],
      ['k5', '2025-02-02', 'k5-b'],
      [null, '2024-01-10', 'no-customer'],
      ['k7', null, 'no-date'],
    ],
  });
}
