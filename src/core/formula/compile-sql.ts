import { DomainError } from '../errors';
import type { AggregateNode, BinaryNode, CallNode, FormulaNode, Position, StringNode } from './ast';
import { formulaError, formulaIssues, type FormulaError, type FormulaErrorCode } from './errors';
import { FORMULA_LIMITS } from './limits';

export type ColumnType = 'number' | 'text' | 'date' | 'boolean';

export interface DatasetColumn {
  name: string;
  type: ColumnType;
}

export interface DatasetShape {
  columns: readonly DatasetColumn[];
}

/** A PostgreSQL scalar expression over aggregates, and the values of its `$n` parameters. */
export interface CompiledMeasure {
  sql: string;
  params: unknown[];
}

export type CompileResult = ({ ok: true } & CompiledMeasure) | { ok: false; errors: FormulaError[] };

/** `error` marks a sub-expression that already produced an error, so it does not cause more. */
type SqlType = ColumnType | 'error';
interface Sql {
  sql: string;
  type: SqlType;
  /** The SQL already has PostgreSQL type numeric, so it needs no cast. */
  numeric?: boolean;
}

const TYPE_NAMES: Record<ColumnType, { vi: string; en: string }> = {
  number: { vi: 'số', en: 'number' },
  text: { vi: 'chuỗi ký tự', en: 'text' },
  date: { vi: 'ngày', en: 'date' },
  boolean: { vi: 'đúng/sai', en: 'true/false' },
};
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Compiles a dataset measure (e.g. `sum(profit) / sum(sales where region = "West")`) to one PostgreSQL
 * scalar expression built from aggregates, for use in `SELECT <sql> FROM … [GROUP BY …]`.
 *
 * - Every column is checked against `dataset`; `columnSql(name)` gives its SQL (already quoted; it must
 *   have the declared type). Every literal becomes a `$n` parameter, numbered from `firstParam`.
 *   No user text is ever put into the SQL.
 * - Numbers are computed as `numeric`; division is `a / NULLIF(b, 0)`, so dividing by zero gives NULL
 *   (no value), like the KPI evaluator. An aggregate over no matching rows is NULL except counts (0).
 * - `min`/`max` of several values and `if` give NULL when an input is NULL, like the evaluator.
 */
export function tryCompileMeasureSql(
  ast: FormulaNode,
  dataset: DatasetShape,
  columnSql: (name: string) => string,
  firstParam = 1,
  /** A condition on the whole measure (`sum(a) / sum(b) where segment = 'X'`): every aggregate in it counts only those rows. */
  measureFilter: FormulaNode | null = null,
): CompileResult {
  const compiler = new SqlCompiler(dataset, columnSql, firstParam);
  if (measureFilter) compiler.measureFilter = compiler.condition(measureFilter);
  const result = compiler.compile(ast, 'measure');
  if (result.type !== 'number' && result.type !== 'error') {
    compiler.report(
      'RESULT_NOT_NUMBER',
      ast.pos,
      `Kết quả công thức phải là số, nhưng đang là ${TYPE_NAMES[result.type].vi}`,
      `The formula must give a number, but gives ${TYPE_NAMES[result.type].en}`,
    );
  }
  if (compiler.errors.length > 0) return { ok: false, errors: compiler.errors };
  return { ok: true, sql: result.sql, params: compiler.params };
}

/** Compiles a row condition (`region = 'West' and sales > 0`) to a PostgreSQL boolean expression for a WHERE clause. */
export function tryCompileConditionSql(
  ast: FormulaNode,
  dataset: DatasetShape,
  columnSql: (name: string) => string,
  firstParam = 1,
): CompileResult {
  const compiler = new SqlCompiler(dataset, columnSql, firstParam);
  const sql = compiler.condition(ast);
  if (compiler.errors.length > 0) return { ok: false, errors: compiler.errors };
  return { ok: true, sql, params: compiler.params };
}

/** Like `tryCompileMeasureSql`, but throws a `DomainError` (code `FORMULA_INVALID`, one issue per error). */
export function compileMeasureSql(
  ast: FormulaNode,
  dataset: DatasetShape,
  columnSql: (name: string) => string,
  firstParam = 1,
): CompiledMeasure {
  const result = tryCompileMeasureSql(ast, dataset, columnSql, firstParam);
  if (result.ok) return { sql: result.sql, params: result.params };
  const first = result.errors[0]!;
  throw new DomainError('FORMULA_INVALID', first.message, {
    issues: formulaIssues(result.errors),
    params: { errors: result.errors },
  });
}

class SqlCompiler {
  readonly errors: FormulaError[] = [];
  readonly params: unknown[] = [];
  /** SQL of the whole measure's filter, added to every aggregate's FILTER. */
  measureFilter: string | null = null;
  private readonly columns: Map<string, ColumnType>;

  constructor(
    dataset: DatasetShape,
    private readonly columnSql: (name: string) => string,
    private readonly firstParam: number,
  ) {
    this.columns = new Map(dataset.columns.map((c) => [c.name, c.type]));
  }

  /** A row condition: SQL of type boolean. */
  condition(node: FormulaNode): string {
    return this.expect(this.compile(node, 'row'), 'boolean', 'where', node.pos);
  }

  /** `measure`: the level of whole groups (aggregates allowed); `row`: inside `where` (columns allowed). */
  compile(node: FormulaNode, scope: 'measure' | 'row'): Sql {
    switch (node.kind) {
      case 'number':
        return { sql: `${this.param(node.value)}::numeric`, type: 'number', numeric: true };
      case 'string':
        return this.stringLiteral(node, 'text');
      case 'kpi':
        return this.error(
          'KPI_REF_IN_MEASURE',
          node.pos,
          `Công thức đo trên bộ dữ liệu không dùng được mã KPI [${node.code}]`,
          `A dataset measure cannot use the KPI reference [${node.code}]`,
        );
      case 'column':
        if (scope !== 'row') {
          return this.error(
            'COLUMN_OUTSIDE_AGGREGATE',
            node.pos,
            `Cột '${node.name}' phải nằm trong một hàm tổng hợp, ví dụ sum(${node.name})`,
            `Column '${node.name}' must be inside an aggregate, e.g. sum(${node.name})`,
          );
        }
        return this.column(node.name, node.pos);
      case 'unary': {
        const operand = this.compile(node.operand, scope);
        if (node.op === 'not') return { sql: `(NOT ${this.expect(operand, 'boolean', 'not', node.operand.pos)})`, type: 'boolean' };
        const sql = this.expect(operand, 'number', node.op, node.operand.pos);
        return { sql: node.op === '-' ? `(- ${sql})` : sql, type: 'number', numeric: operand.numeric === true };
      }
      case 'binary':
        return this.binary(node, scope);
      case 'call':
        return this.call(node, scope);
      case 'aggregate':
        if (scope === 'row') {
          return this.error(
            'NESTED_AGGREGATE',
            node.pos,
            `Không dùng hàm tổng hợp '${node.fn}' bên trong điều kiện 'where'`,
            `Aggregate '${node.fn}' cannot be used inside a 'where' condition`,
          );
        }
        return this.aggregate(node);
    }
  }

  private binary(node: BinaryNode, scope: 'measure' | 'row'): Sql {
    const { op } = node;
    if (op === 'and' || op === 'or') {
      const l = this.expect(this.compile(node.left, scope), 'boolean', op, node.left.pos);
      const r = this.expect(this.compile(node.right, scope), 'boolean', op, node.right.pos);
      return { sql: `(${l} ${op.toUpperCase()} ${r})`, type: 'boolean' };
    }
    if (op === '=' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') {
      return this.comparison(node, scope);
    }
    const l = this.compile(node.left, scope);
    const r = this.compile(node.right, scope);
    const ln = this.numeric(l, op, node.left.pos);
    const rn = this.numeric(r, op, node.right.pos);
    switch (op) {
      case '/':
        // numeric, so integer columns do not divide as integers (4 / 7 = 0).
        return { sql: `(${ln} / NULLIF(${rn}, 0))`, type: 'number', numeric: true };
      case '^':
        return { sql: `POWER(${ln}, ${rn})`, type: 'number', numeric: true };
      default:
        return { sql: `(${l.sql} ${op} ${r.sql})`, type: 'number', numeric: l.numeric === true && r.numeric === true };
    }
  }

  private comparison(node: BinaryNode, scope: 'measure' | 'row'): Sql {
    // A string literal takes the type of the other side, so `order_date >= "2026-01-01"` compares dates.
    let left = node.left.kind === 'string' ? null : this.compile(node.left, scope);
    let right = node.right.kind === 'string' ? null : this.compile(node.right, scope);
    const literalType = (other: Sql | null): 'text' | 'date' => (other?.type === 'date' ? 'date' : 'text');
    if (left === null) left = this.stringLiteral(node.left as StringNode, literalType(right));
    if (right === null) right = this.stringLiteral(node.right as StringNode, literalType(left));
    const sqlOp = node.op === '!=' ? '<>' : node.op;
    const result: Sql = { sql: `(${left.sql} ${sqlOp} ${right.sql})`, type: 'boolean' };
    if (left.type === 'error' || right.type === 'error') return result;
    if (left.type !== right.type) {
      const a = TYPE_NAMES[left.type];
      const b = TYPE_NAMES[right.type];
      this.report(
        'TYPE_MISMATCH',
        node.pos,
        `Không thể so sánh giá trị kiểu ${a.vi} với kiểu ${b.vi} bằng '${node.op}'`,
        `Cannot compare a ${a.en} value with a ${b.en} value using '${node.op}'`,
      );
    } else if (left.type === 'boolean' && sqlOp !== '=' && sqlOp !== '<>') {
      this.report(
        'TYPE_MISMATCH',
        node.pos,
        `Phép so sánh '${node.op}' không áp dụng cho giá trị đúng/sai`,
        `Comparison '${node.op}' does not apply to true/false values`,
      );
    }
    return result;
  }

  private call(node: CallNode, scope: 'measure' | 'row'): Sql {
    const args = node.args.map((arg) => this.compile(arg, scope));
    switch (node.fn) {
      case 'if': {
        const [cond, a, b] = args;
        if (!cond || !a || !b) return { sql: 'NULL', type: 'error' };
        const type = this.sameType([a, b], node);
        // A simple CASE evaluates the condition once; NULL matches neither branch and gives NULL.
        return { sql: `(CASE ${this.expect(cond, 'boolean', 'if', node.args[0]!.pos)} WHEN TRUE THEN ${a.sql} WHEN FALSE THEN ${b.sql} END)`, type };
      }
      case 'coalesce':
        return { sql: `COALESCE(${args.map((a) => a.sql).join(', ')})`, type: this.sameType(args, node) };
      case 'min':
      case 'max': {
        // numeric_smaller/larger are strict (NULL in, NULL out), unlike LEAST/GREATEST which skip NULLs.
        const fn = node.fn === 'min' ? 'numeric_smaller' : 'numeric_larger';
        const parts = args.map((a, i) => this.numeric(a, node.fn, node.args[i]!.pos));
        return { sql: parts.reduce((acc, part) => `${fn}(${acc}, ${part})`), type: 'number', numeric: true };
      }
      case 'abs':
        return { sql: `ABS(${this.expect(args[0]!, 'number', 'abs', node.args[0]!.pos)})`, type: 'number', numeric: args[0]!.numeric === true };
      case 'round': {
        const x = this.numeric(args[0]!, 'round', node.args[0]!.pos);
        const digits = args[1] ? this.expect(args[1], 'number', 'round', node.args[1]!.pos) : '0';
        return { sql: `ROUND(${x}, CAST(${digits} AS integer))`, type: 'number', numeric: true };
      }
    }
  }

  private aggregate(node: AggregateNode): Sql {
    let target = '*';
    if (node.column) {
      const column = this.column(node.column.name, node.column.pos);
      if (column.type !== 'error' && column.type !== 'number' && node.fn !== 'count' && node.fn !== 'count_distinct') {
        this.report(
          'TYPE_MISMATCH',
          node.column.pos,
          `Hàm '${node.fn}' cần cột kiểu số, nhưng cột '${node.column.name}' có kiểu ${TYPE_NAMES[column.type].vi}`,
          `'${node.fn}' needs a number column, but '${node.column.name}' is ${TYPE_NAMES[column.type].en}`,
        );
      }
      target = column.sql;
    }
    const call =
      node.fn === 'count_distinct' ? `COUNT(DISTINCT ${target})` : `${node.fn.toUpperCase()}(${target})`;
    const conditions = [this.measureFilter, node.filter ? this.condition(node.filter) : null].filter((c) => c !== null);
    const filter = conditions.length > 0 ? ` FILTER (WHERE ${conditions.join(' AND ')})` : '';
    return { sql: `CAST(${call}${filter} AS numeric)`, type: 'number', numeric: true };
  }

  private column(name: string, pos: Position): Sql {
    const type = this.columns.get(name);
    if (type === undefined) {
      const known = [...this.columns.keys()].slice(0, 30).join(', ');
      return this.error(
        'UNKNOWN_COLUMN',
        pos,
        `Bộ dữ liệu không có cột '${name}'. Các cột: ${known}`,
        `The dataset has no column '${name}'. Columns: ${known}`,
        { name },
      );
    }
    return { sql: `(${this.columnSql(name)})`, type };
  }

  private stringLiteral(node: StringNode, as: 'text' | 'date'): Sql {
    if (as === 'date' && !isIsoDate(node.value)) {
      return this.error(
        'INVALID_DATE',
        node.pos,
        `Ngày "${node.value}" không hợp lệ: dùng dạng "YYYY-MM-DD", ví dụ "2026-11-29"`,
        `Invalid date "${node.value}": use "YYYY-MM-DD", e.g. "2026-11-29"`,
      );
    }
    return { sql: `${this.param(node.value)}::${as}`, type: as };
  }

  private sameType(parts: Sql[], node: CallNode): SqlType {
    let type: SqlType = 'error';
    for (const part of parts) {
      if (part.type === 'error') continue;
      if (type === 'error') type = part.type;
      else if (part.type !== type) {
        this.report(
          'TYPE_MISMATCH',
          node.pos,
          `Các giá trị của '${node.fn}' phải cùng kiểu, nhưng có ${TYPE_NAMES[type].vi} và ${TYPE_NAMES[part.type].vi}`,
          `The values of '${node.fn}' must have one type, but got ${TYPE_NAMES[type].en} and ${TYPE_NAMES[part.type].en}`,
        );
        return 'error';
      }
    }
    return type;
  }

  /** The SQL of `part`, reporting an error when its type is not `expected`. */
  private expect(part: Sql, expected: ColumnType, op: string, pos: Position): string {
    if (part.type !== expected && part.type !== 'error') {
      this.report(
        'TYPE_MISMATCH',
        pos,
        `'${op}' cần giá trị kiểu ${TYPE_NAMES[expected].vi}, nhưng gặp kiểu ${TYPE_NAMES[part.type].vi}`,
        `'${op}' needs a ${TYPE_NAMES[expected].en} value, but got ${TYPE_NAMES[part.type].en}`,
      );
    }
    return part.sql;
  }

  /** Like `expect` for numbers, cast to numeric unless it already is. */
  private numeric(part: Sql, op: string, pos: Position): string {
    const sql = this.expect(part, 'number', op, pos);
    return part.numeric ? sql : `CAST(${sql} AS numeric)`;
  }

  private param(value: unknown): string {
    this.params.push(value);
    return `$${this.firstParam + this.params.length - 1}`;
  }

  report(code: FormulaErrorCode, pos: Position, vi: string, en: string, params?: Record<string, unknown>): void {
    if (this.errors.length < FORMULA_LIMITS.maxErrors) this.errors.push(formulaError(code, pos, vi, en, params));
  }

  private error(code: FormulaErrorCode, pos: Position, vi: string, en: string, params?: Record<string, unknown>): Sql {
    this.report(code, pos, vi, en, params);
    return { sql: 'NULL', type: 'error' };
  }
}

function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}
