import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { compileMeasureSql, tryCompileMeasureSql, type DatasetShape } from './compile-sql';
import { parse } from './parser';

const dataset: DatasetShape = {
  columns: [
    { name: 'region', type: 'text' },
    { name: 'sales', type: 'number' },
    { name: 'profit', type: 'number' },
    { name: 'discount', type: 'number' },
    { name: 'qty', type: 'number' },
    { name: 'order_id', type: 'number' },
    { name: 'order_date', type: 'date' },
    { name: 'is_paid', type: 'boolean' },
  ],
};
const quote = (name: string) => `"${name}"`;

let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  await db.exec(`
    CREATE TABLE facts (region text, sales numeric, profit numeric, discount numeric, qty integer,
                        order_id integer, order_date date, is_paid boolean);
    INSERT INTO facts VALUES
      ('West',  100,  20, 0,    1, 1, '2026-01-05', true),
      ('West',  200,  50, 0.1,  2, 1, '2026-01-20', false),
      ('East',  300,  30, 0,    3, 2, '2026-02-03', true),
      ('East',  400, 100, 0.2,  4, 3, '2026-02-15', true),
      ('North', 500, -50, 0.05, 5, 4, '2026-03-01', false),
      ('West',  600,  90, 0.15, 1, 5, '2026-03-10', true),
      ('North', NULL, NULL, NULL, 2, 5, '2026-03-11', NULL);
  `);
});

afterAll(async () => {
  await db.close();
});

function compile(text: string, firstParam = 1) {
  const parsed = parse(text, { context: 'dataset' });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message.en).join('; '));
  return compileMeasureSql(parsed.ast, dataset, quote, firstParam);
}

async function measure(text: string): Promise<number | null> {
  const { sql, params } = compile(text);
  const result = await db.query<{ v: string | number | null }>(`SELECT ${sql} AS v FROM facts`, params);
  const v = result.rows[0]!.v;
  return v === null ? null : Number(v);
}

function compileErrors(text: string) {
  const parsed = parse(text, { context: 'dataset' });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message.en).join('; '));
  const result = tryCompileMeasureSql(parsed.ast, dataset, quote);
  if (result.ok) throw new Error(`expected errors for ${text}`);
  return result.errors.map((e) => ({ code: e.code, line: e.line, column: e.column }));
}

describe('compileMeasureSql on PGlite', () => {
  it('sums, counts and averages', async () => {
    expect(await measure('sum(sales)')).toBe(2100); // 100+200+300+400+500+600 (NULL skipped)
    expect(await measure('sum(profit)')).toBe(240); // 20+50+30+100-50+90
    expect(await measure('count()')).toBe(7);
    expect(await measure('count(sales)')).toBe(6); // the NULL row is not counted
    expect(await measure('count_distinct(order_id)')).toBe(5); // orders 1,2,3,4,5
    expect(await measure('avg(sales)')).toBe(350); // 2100 / 6
    expect(await measure('min(sales)')).toBe(100);
    expect(await measure('max(profit)')).toBe(100);
  });

  it('computes a ratio of sums, not an average of ratios', async () => {
    // 240 / 2100 = 0.1142857…
    expect(await measure('sum(profit) / sum(sales)')).toBeCloseTo(240 / 2100, 12);
    // qty is an integer column: 4 / 7 must not be truncated to 0. West qty = 1+2+1 = 4.
    expect(await measure('sum(qty where region = "West") / count()')).toBeCloseTo(4 / 7, 12);
  });

  it('applies filters', async () => {
    expect(await measure('sum(sales where region = "West")')).toBe(900); // 100+200+600
    expect(await measure('sum(sales where region = "West" and discount > 0)')).toBe(800); // 200+600
    expect(await measure('sum(sales where region = "West" or region = "East")')).toBe(1600); // 900+300+400
    expect(await measure('sum(sales where region != "West")')).toBe(1200); // 300+400+500
    expect(await measure('count(where is_paid)')).toBe(4); // rows 1,3,4,6
    expect(await measure('count(where not is_paid)')).toBe(2); // rows 2,5; NULL is neither
    expect(await measure('sum(sales where order_date >= "2026-02-01" and order_date < "2026-03-01")')).toBe(700); // 300+400
    // sales after discount: 100, 180, 300, 320, 475, 510 → above 300: 400+500+600
    expect(await measure('sum(sales where sales * (1 - discount) > 300)')).toBe(1500);
    expect(await measure('count_distinct(order_id where region = "West")')).toBe(2); // orders 1 and 5
    expect(await measure('SUM(sales WHERE abs(profit) >= 50 and coalesce(discount, 0) < 0.2)')).toBe(1300); // 200+500+600
  });

  it('gives no value (NULL) where the evaluator would', async () => {
    expect(await measure('sum(sales where region = "Nowhere")')).toBeNull();
    expect(await measure('coalesce(sum(sales where region = "Nowhere"), 0)')).toBe(0);
    // East rows with no discount: only row 3, discount 0 → dividing by a sum of 0 gives no value.
    expect(await measure('sum(profit) / sum(discount where region = "East" and discount = 0)')).toBeNull();
    expect(await measure('min(sum(sales where region = "Nowhere"), 5)')).toBeNull();
    expect(await measure('if(sum(sales where region = "Nowhere") > 0, 1, 2)')).toBeNull();
  });

  it('combines measures with scalar functions and operators', async () => {
    expect(await measure('min(sum(sales), 1000)')).toBe(1000);
    expect(await measure('max(sum(sales), 1000, 5)')).toBe(2100);
    expect(await measure('if(sum(profit) > 0, 1, 2)')).toBe(1);
    expect(await measure('round(sum(profit) / sum(sales), 3)')).toBe(0.114); // 0.11428… → 0.114
    expect(await measure('abs(sum(profit where profit < 0))')).toBe(50);
    expect(await measure('sum(qty) ^ 2')).toBe(324); // (1+2+3+4+5+1+2)^2 = 18^2
    expect(await measure('-sum(qty) + 2 * 3')).toBe(-12); // -18 + 6
  });

  it('keeps every literal in parameters, so quotes cannot break out', async () => {
    const { sql, params } = compile(`sum(sales where region = "x'); DROP TABLE facts; --")`);
    expect(sql).not.toContain('DROP');
    expect(params).toEqual(["x'); DROP TABLE facts; --"]);
    expect(await measure(`sum(sales where region = "x'); DROP TABLE facts; --")`)).toBeNull();
    expect(await measure('count()')).toBe(7);
  });

  it('numbers parameters from firstParam and works with GROUP BY', async () => {
    const { sql, params } = compile('sum(profit) / sum(sales where discount >= 0)', 2);
    expect(sql).toContain('$2');
    expect(sql).not.toContain('$1');
    const result = await db.query<{ region: string; v: string }>(
      `SELECT region, ${sql} AS v FROM facts WHERE order_id >= $1 GROUP BY region ORDER BY region`,
      [1, ...params],
    );
    // East 130/700, North -50/500, West 160/900
    expect(result.rows.map((r) => [r.region, Number(r.v)])).toEqual([
      ['East', expect.closeTo(130 / 700, 12)],
      ['North', -0.1],
      ['West', expect.closeTo(160 / 900, 12)],
    ]);
  });
});

describe('compileMeasureSql: checks against the dataset', () => {
  it('rejects unknown columns with their position', () => {
    expect(compileErrors('sum(sales) / sum(revenue)')).toEqual([{ code: 'UNKNOWN_COLUMN', line: 1, column: 18 }]);
    expect(compileErrors('sum(sales where regin = "West")')).toEqual([{ code: 'UNKNOWN_COLUMN', line: 1, column: 17 }]);
  });

  it('type-checks filters and aggregate columns', () => {
    expect(compileErrors('sum(sales where region > 5)')).toEqual([{ code: 'TYPE_MISMATCH', line: 1, column: 24 }]);
    expect(compileErrors('sum(sales where discount = "none")')).toEqual([{ code: 'TYPE_MISMATCH', line: 1, column: 26 }]);
    expect(compileErrors('sum(region)')).toEqual([{ code: 'TYPE_MISMATCH', line: 1, column: 5 }]);
    expect(compileErrors('sum(sales where region)')).toEqual([{ code: 'TYPE_MISMATCH', line: 1, column: 17 }]);
    expect(compileErrors('sum(sales where region + 1 > 0)')).toEqual([{ code: 'TYPE_MISMATCH', line: 1, column: 17 }]);
    expect(compileErrors('sum(sales where order_date > "2026-02-30")')).toEqual([{ code: 'INVALID_DATE', line: 1, column: 30 }]);
    expect(compileErrors('sum(sales where is_paid < is_paid)')).toEqual([{ code: 'TYPE_MISMATCH', line: 1, column: 25 }]);
  });

  it('rejects KPI references', () => {
    const parsed = parse('sum(sales) / [REV]');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = tryCompileMeasureSql(parsed.ast, dataset, quote);
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'KPI_REF_IN_MEASURE', line: 1, column: 14 }] });
  });

  it('throws a DomainError listing every problem from compileMeasureSql', () => {
    const parsed = parse('sum(nope) + sum(region)');
    if (!parsed.ok) throw new Error('should parse');
    try {
      compileMeasureSql(parsed.ast, dataset, quote);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const error = e as DomainError;
      expect(error.code).toBe('FORMULA_INVALID');
      expect(error.issues.map((i) => i.code)).toEqual(['UNKNOWN_COLUMN', 'TYPE_MISMATCH']);
      expect(error.localized.vi).toContain("Bộ dữ liệu không có cột 'nope'");
    }
  });
});
