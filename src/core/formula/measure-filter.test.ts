import { describe, expect, it } from 'vitest';
import { tryCompileConditionSql, tryCompileMeasureSql, type DatasetShape } from './compile-sql';
import { parse, parseCondition, parseMeasure } from './parser';

const dataset: DatasetShape = {
  columns: [
    { name: 'segment', type: 'text' },
    { name: 'sales', type: 'number' },
  ],
};
const quote = (name: string) => `"${name}"`;

describe('measure filters and row conditions', () => {
  it("reads 'single-quoted' strings like double-quoted ones, with '' for a quote", () => {
    const parsed = parseCondition("segment = 'O''Neil'");
    expect(parsed.ok && parsed.ast.kind === 'binary' && parsed.ast.right).toMatchObject({ kind: 'string', value: "O'Neil" });
    expect(parse("sum(sales where segment = 'x')", { context: 'dataset' }).ok).toBe(true);
    expect(parseCondition("segment = 'x")).toMatchObject({ ok: false, errors: [{ code: 'UNTERMINATED_STRING' }] });
  });

  it('a where after the whole measure filters every aggregate in it', () => {
    const parsed = parseMeasure("sum(sales) / count() where segment = 'Consumer'");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const compiled = tryCompileMeasureSql(parsed.ast, dataset, quote, 1, parsed.filter);
    expect(compiled).toEqual({
      ok: true,
      sql: '(CAST(SUM(("sales")) FILTER (WHERE (("segment") = $1::text)) AS numeric) / NULLIF(CAST(COUNT(*) FILTER (WHERE (("segment") = $1::text)) AS numeric), 0))',
      params: ['Consumer'],
    });
  });

  it('combines the measure filter with an aggregate filter', () => {
    const parsed = parseMeasure("sum(sales where sales > 10) where segment = 'A'");
    if (!parsed.ok) throw new Error('should parse');
    const compiled = tryCompileMeasureSql(parsed.ast, dataset, quote, 3, parsed.filter);
    expect(compiled).toMatchObject({ ok: true, params: ['A', 10] });
    expect(compiled.ok && compiled.sql).toBe('CAST(SUM(("sales")) FILTER (WHERE (("segment") = $3::text) AND (("sales") > $4::numeric)) AS numeric)');
  });

  it('refuses a measure filter that is not a condition or uses an aggregate, and a second where', () => {
    expect(parseMeasure('sum(sales) where sales')).toMatchObject({ ok: true }); // type known only with the dataset
    const notBoolean = parseMeasure('sum(sales) where sales');
    if (!notBoolean.ok) throw new Error('should parse');
    expect(tryCompileMeasureSql(notBoolean.ast, dataset, quote, 1, notBoolean.filter)).toMatchObject({ ok: false, errors: [{ code: 'TYPE_MISMATCH' }] });
    expect(parseMeasure('sum(sales) where sum(sales) > 1')).toMatchObject({ ok: false, errors: [{ code: 'NESTED_AGGREGATE' }] });
    expect(parseMeasure("sum(sales) where segment = 'a' where segment = 'b'")).toMatchObject({ ok: false, errors: [{ code: 'WHERE_OUTSIDE_AGGREGATE' }] });
    // Outside a measure, a trailing where is still refused.
    expect(parse("sum(sales) where segment = 'a'", { context: 'dataset' })).toMatchObject({ ok: false, errors: [{ code: 'WHERE_OUTSIDE_AGGREGATE' }] });
  });

  it('compiles a row condition with every literal a parameter', () => {
    const parsed = parseCondition("segment != 'x''); DROP TABLE t; --' and sales >= 5");
    if (!parsed.ok) throw new Error('should parse');
    expect(tryCompileConditionSql(parsed.ast, dataset, quote)).toEqual({
      ok: true,
      sql: '((("segment") <> $1::text) AND (("sales") >= $2::numeric))',
      params: ["x'); DROP TABLE t; --", 5],
    });
    expect(parseCondition('')).toMatchObject({ ok: false, errors: [{ code: 'EMPTY_FORMULA' }] });
    expect(parseCondition('sales > 1 sales')).toMatchObject({ ok: false, errors: [{ code: 'UNEXPECTED_TOKEN' }] });
  });
});
