import { describe, expect, it } from 'vitest';
import { runCli, useCliDataFolder } from '../../../test/helpers/cli';
import { createOrders, createPurchases } from '../../../test/helpers/orders-fixture';
import { register as cohort } from './cohort';
import { register as query } from './query';

const run = (args: string[]) => runCli([query, cohort], args);
/** The CLI commands on a PGlite data folder holding the orders and purchases fixtures (the company time zone is the default, Hanoi). */
useCliDataFolder('okpi-cli-query-', async (db) => {
  await createOrders(db);
  await createPurchases(db);
});

describe('openkpi query', () => {
  it('--json: sales by region and month in the company time zone', async () => {
    const { out, err } = await run(['query', 'orders', '--measure', 'sales=sum(sales)', '--by', 'region', '--by', 'ordered_at:month', '--where', "segment = 'Consumer'", '--json']);
    expect(err).toBe('');
    // Consumer orders: o1 (Bắc, 31/01 23:30 → Jan) 100, o5 (Bắc, Feb) 50.25, o3 (Nam, Jan) 300, o4 (Nam, Feb) 400.
    expect(out).toBe(
      '{"columns":["region","ordered_at","sales"],"rows":[{"region":"Miền Bắc","ordered_at":"2025-01","sales":100},{"region":"Miền Bắc","ordered_at":"2025-02","sales":50.25},{"region":"Miền Nam","ordered_at":"2025-01","sales":300},{"region":"Miền Nam","ordered_at":"2025-02","sales":400}]}\n',
    );
  });

  it('one row without --by; a readable table in Vietnamese or English', async () => {
    const vi = await run(['query', 'orders', '--measure', 'doanh_thu=sum(sales)', '--measure', 'khach=count_distinct(customer)']);
    expect(vi.out).toBe('doanh_thu  khach\n─────────  ─────\n 1.300,35      4\n');
    const en = await run(['query', 'orders', '--measure', 'sales=sum(sales) where region = "Miền Nam"', '--by', 'ordered_at:quarter', '--lang', 'en']);
    expect(en.out).toBe('ordered_at  sales\n──────────  ─────\n2025-Q1     950.1\n');
  });

  it('bad input exits 1 with the field and the reason', async () => {
    const missing = await run(['query', 'orders', '--measure', 'x=sum(revenue)', '--lang', 'en']);
    expect(missing.exitCode).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err).toContain("[DATASET_QUERY_INVALID]\n  - measures.0.expression: The dataset has no column 'revenue'");
    const mismatch = await run(['query', 'orders', '--measure', 'n=count()', '--where', "sales = 'abc'", '--lang', 'en']);
    expect(mismatch.err).toContain("  - where: Cannot compare a number value with a text value using '='");
    const format = await run(['query', 'orders', '--measure', 'sum(sales)']);
    expect(format.err).toContain('--measure "sum(sales)": dùng dạng tên=công thức');
    const unknown = await run(['query', 'khong_co', '--measure', 'n=count()', '--lang', 'en']);
    expect(unknown.err).toContain('[NOT_FOUND]');
  });
});

describe('openkpi cohort and repeat-share', () => {
  it('--json rows by yearly cohort with a 30-day window', async () => {
    const { out } = await run(['cohort', 'purchases', '--customer', 'customer', '--date', 'bought_on', '--within', '30', '--cohort', 'year', '--json']);
    expect(out).toBe('{"rows":[{"cohort":"2024","customers":5,"returning":3,"rate":0.6},{"cohort":"2025","customers":1,"returning":1,"rate":1}]}\n');
    const byEvent = await run(['cohort', 'purchases', '--customer', 'customer', '--date', 'bought_on', '--event', 'order_id', '--within', '30', '--cohort', 'year', '--lang', 'en']);
    expect(byEvent.out).toBe('Cohort  Customers  Returning  Rate\n──────  ─────────  ─────────  ────\n2024            5          2  40%\n2025            1          1  100%\n');
  });

  it('repeat share per month, and a bad window', async () => {
    const { out } = await run(['repeat-share', 'purchases', '--customer', 'customer', '--date', 'bought_on', '--from', '2024-02-01', '--to', '2024-03-31', '--json']);
    expect(out).toBe('{"rows":[{"period":"2024-02","customers":2,"repeat":2,"share":1},{"period":"2024-03","customers":1,"repeat":0,"share":0}]}\n');
    const bad = await run(['cohort', 'purchases', '--customer', 'customer', '--date', 'bought_on', '--within', '30 ngày', '--lang', 'en']);
    expect(bad.exitCode).toBe(1);
    expect(bad.err).toContain('--within "30 ngày": a whole number of days is needed');
  });
});
