import type {
  AggregateFunction,
  AggregateNode,
  BinaryOp,
  ColumnNode,
  FormulaNode,
  Position,
  ScalarFunction,
  ValueType,
} from './ast';
import { COMPARISON_OPS } from './ast';
import { START, formulaError, type FormulaError, type FormulaErrorCode } from './errors';
import { lex, type Token } from './lexer';
import { FORMULA_LIMITS } from './limits';
import { typeName, unify } from './types';

/**
 * Where a formula is used. `kpi`: over KPI values, no aggregates. `dataset`: a measure over dataset
 * rows, no KPI references. `any` (default): both allowed; the evaluator and SQL compiler reject what they cannot run.
 * In `kpi` and `dataset` the result must be a number.
 */
export type FormulaContext = 'kpi' | 'dataset' | 'any';

export interface ParseOptions {
  context?: FormulaContext;
}

export type ParseResult = { ok: true; ast: FormulaNode } | { ok: false; errors: FormulaError[] };

const KEYWORDS = new Set(['and', 'or', 'not', 'where']);
const SCALAR_FUNCTIONS: ReadonlySet<string> = new Set(['if', 'min', 'max', 'abs', 'round', 'coalesce']);
const AGGREGATES: ReadonlySet<string> = new Set(['sum', 'count', 'count_distinct', 'avg']);
const COLUMN_NAME = /^[a-z_][a-z0-9_]*$/;
const KPI_LIKE = /^[A-Z][A-Z0-9_]*$/;
const ARITY: Record<ScalarFunction, [number, number]> = {
  if: [3, 3],
  min: [1, Infinity],
  max: [1, Infinity],
  abs: [1, 1],
  round: [1, 2],
  coalesce: [1, Infinity],
};
const FUNCTION_LIST = 'if, min, max, abs, round, coalesce, sum, count, count_distinct, avg';

/** Thrown inside the parser to stop at the first syntax error; never escapes `parse`. */
class Abort {
  constructor(readonly error: FormulaError) {}
}

/** Parses formula text into a typed AST. Never throws; reports every type error and the first syntax error. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  if (text.length > FORMULA_LIMITS.maxLength) {
    return {
      ok: false,
      errors: [
        formulaError(
          'FORMULA_TOO_LONG',
          START,
          `Công thức quá dài: ${text.length} ký tự, tối đa ${FORMULA_LIMITS.maxLength}`,
          `Formula is too long: ${text.length} characters, at most ${FORMULA_LIMITS.maxLength}`,
          { length: text.length, max: FORMULA_LIMITS.maxLength },
        ),
      ],
    };
  }
  const lexed = lex(text);
  if (lexed.errors.length > 0) return { ok: false, errors: lexed.errors };
  const parser = new Parser(lexed.tokens, options.context ?? 'any');
  try {
    const ast = parser.parseFormula();
    return parser.errors.length > 0 ? { ok: false, errors: parser.errors } : { ok: true, ast };
  } catch (e) {
    if (e instanceof Abort) return { ok: false, errors: [...parser.errors, e.error] };
    if (e instanceof RangeError) {
      // Defensive: the depth limit should make this unreachable.
      return { ok: false, errors: [tooDeep(START)] };
    }
    throw e;
  }
}

/** A dataset measure with an optional filter on the whole measure: `sum(sales) / count() where segment = 'Consumer'`. */
export type MeasureParseResult = { ok: true; ast: FormulaNode; filter: FormulaNode | null } | { ok: false; errors: FormulaError[] };

/** Parses a dataset measure; a `where` after the whole expression filters every aggregate in it. */
export function parseMeasure(text: string): MeasureParseResult {
  let filter: FormulaNode | null = null;
  const result = parseWith(text, (parser) => {
    const ast = parser.parseFormula(true);
    filter = parser.measureFilter;
    return ast;
  });
  return result.ok ? { ok: true, ast: result.ast, filter } : result;
}

/** Parses a row condition over dataset columns (`region = 'Miền Bắc' and sales > 0`), as in `--where`. */
export function parseCondition(text: string): ParseResult {
  return parseWith(text, (parser) => parser.parseCondition());
}

function parseWith(text: string, run: (parser: Parser) => FormulaNode): ParseResult {
  if (text.length > FORMULA_LIMITS.maxLength) return parse(text);
  const lexed = lex(text);
  if (lexed.errors.length > 0) return { ok: false, errors: lexed.errors };
  const parser = new Parser(lexed.tokens, 'dataset');
  try {
    const ast = run(parser);
    return parser.errors.length > 0 ? { ok: false, errors: parser.errors } : { ok: true, ast };
  } catch (e) {
    if (e instanceof Abort) return { ok: false, errors: [...parser.errors, e.error] };
    if (e instanceof RangeError) return { ok: false, errors: [tooDeep(START)] };
    throw e;
  }
}

function tooDeep(pos: Position): FormulaError {
  return formulaError(
    'TOO_DEEP',
    pos,
    `Công thức lồng nhau quá sâu: tối đa ${FORMULA_LIMITS.maxDepth} cấp`,
    `Formula is nested too deeply: at most ${FORMULA_LIMITS.maxDepth} levels`,
    { max: FORMULA_LIMITS.maxDepth },
  );
}

function show(token: Token): string {
  switch (token.type) {
    case 'kpi':
      return `[${token.text}]`;
    case 'string':
      return `"${token.text.length > 20 ? `${token.text.slice(0, 20)}…` : token.text}"`;
    default:
      return token.text;
  }
}

class Parser {
  readonly errors: FormulaError[] = [];
  private i = 0;
  private depth = 0;
  /** Inside `where …` of an aggregate: columns are allowed, aggregates are not. */
  private inFilter = false;

  constructor(
    private readonly tokens: Token[],
    private readonly context: FormulaContext,
  ) {}

  /** Set by `parseFormula(true)`: the `where …` after the whole measure. */
  measureFilter: FormulaNode | null = null;

  parseFormula(allowMeasureFilter = false): FormulaNode {
    const first = this.peek();
    if (first.type === 'eof') {
      throw new Abort(formulaError('EMPTY_FORMULA', first.pos, 'Công thức đang trống', 'Formula is empty'));
    }
    const ast = this.parseOr();
    if (allowMeasureFilter && this.isKeyword(this.peek(), 'where')) this.measureFilter = this.parseFilterAfter(this.next());
    const next = this.peek();
    if (next.type !== 'eof') {
      if (next.text === ')' && next.type === 'op') {
        this.abort('UNEXPECTED_TOKEN', next.pos, "Thừa dấu đóng ngoặc ')'", "Unmatched closing ')'");
      }
      if (this.isKeyword(next, 'where')) this.whereOutsideAggregate(next);
      this.abort(
        'UNEXPECTED_TOKEN',
        next.pos,
        `Gặp '${show(next)}' không đúng chỗ: thiếu phép toán trước nó`,
        `Unexpected '${show(next)}': an operator is missing before it`,
        { token: show(next) },
      );
    }
    if (this.context !== 'any' && ast.type !== 'number' && ast.type !== 'unknown') {
      const t = typeName(ast.type);
      this.report(
        'RESULT_NOT_NUMBER',
        ast.pos,
        `Kết quả công thức phải là số, nhưng đang là ${t.vi}`,
        `The formula must give a number, but gives ${t.en}`,
      );
    }
    return ast;
  }

  /** A whole input that is one row condition (columns allowed, aggregates not). */
  parseCondition(): FormulaNode {
    const first = this.peek();
    if (first.type === 'eof') {
      throw new Abort(formulaError('EMPTY_FORMULA', first.pos, 'Điều kiện đang trống', 'The condition is empty'));
    }
    const condition = this.parseFilterAfter(null);
    const next = this.peek();
    if (next.type !== 'eof') {
      this.abort('UNEXPECTED_TOKEN', next.pos, `Gặp '${show(next)}' không đúng chỗ`, `Unexpected '${show(next)}'`, { token: show(next) });
    }
    return condition;
  }

  /** The condition after `where` (or a whole condition when `where` is null), type-checked as true/false. */
  private parseFilterAfter(where: Token | null): FormulaNode {
    const outer = this.inFilter;
    this.inFilter = true;
    const filter = this.parseOr();
    this.inFilter = outer;
    this.expectType(filter, 'boolean', where?.text ?? 'where');
    return filter;
  }

  // ── precedence levels, lowest first ──

  private parseOr(): FormulaNode {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      const op = this.next();
      left = this.logical('or', op, left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): FormulaNode {
    let left = this.parseNot();
    while (this.isKeyword(this.peek(), 'and')) {
      const op = this.next();
      left = this.logical('and', op, left, this.parseNot());
    }
    return left;
  }

  private parseNot(): FormulaNode {
    const token = this.peek();
    if (!this.isKeyword(token, 'not')) return this.parseComparison();
    this.next();
    const operand = this.nested(token, () => this.parseNot());
    this.expectType(operand, 'boolean', 'not');
    return { kind: 'unary', op: 'not', operand, pos: token.pos, start: token.pos.offset, end: operand.end, type: 'boolean' };
  }

  private parseComparison(): FormulaNode {
    const left = this.parseAdditive();
    const token = this.peek();
    if (token.type !== 'op' || !COMPARISON_OPS.has(token.text)) return left;
    this.next();
    const right = this.parseAdditive();
    const after = this.peek();
    if (after.type === 'op' && COMPARISON_OPS.has(after.text)) {
      this.abort(
        'CHAINED_COMPARISON',
        after.pos,
        `Không thể so sánh liên tiếp '${token.text}' rồi '${after.text}': hãy nối hai phép so sánh bằng 'and'`,
        `Comparisons cannot be chained ('${token.text}' then '${after.text}'): join two comparisons with 'and'`,
      );
    }
    const op = token.text as BinaryOp;
    const common = unify(left.type, right.type);
    if (common === null) {
      const l = typeName(left.type);
      const r = typeName(right.type);
      this.report(
        'TYPE_MISMATCH',
        token.pos,
        `Không thể so sánh ${l.vi} với ${r.vi} bằng '${op}'`,
        `Cannot compare ${l.en} with ${r.en} using '${op}'`,
      );
    } else if (common === 'boolean' && op !== '=' && op !== '!=') {
      this.report(
        'TYPE_MISMATCH',
        token.pos,
        `Phép so sánh '${op}' không áp dụng cho giá trị đúng/sai`,
        `Comparison '${op}' does not apply to true/false values`,
      );
    }
    return { kind: 'binary', op, left, right, pos: token.pos, start: left.start, end: right.end, type: 'boolean' };
  }

  private parseAdditive(): FormulaNode {
    let left = this.parseMultiplicative();
    for (let t = this.peek(); t.type === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.next();
      left = this.arithmetic(t, left, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): FormulaNode {
    let left = this.parseUnary();
    for (let t = this.peek(); t.type === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.next();
      left = this.arithmetic(t, left, this.parseUnary());
    }
    return left;
  }

  /** Unary minus binds looser than `^`: `-2^2` is `-(2^2)` = -4, as in mathematics. */
  private parseUnary(): FormulaNode {
    const token = this.peek();
    if (token.type !== 'op' || (token.text !== '-' && token.text !== '+')) return this.parsePower();
    this.next();
    const operand = this.nested(token, () => this.parseUnary());
    this.expectType(operand, 'number', token.text);
    return {
      kind: 'unary',
      op: token.text as '-' | '+',
      operand,
      pos: token.pos,
      start: token.pos.offset,
      end: operand.end,
      type: 'number',
    };
  }

  /** `^` is right-associative (`2^3^2` = 2^9) and its exponent may carry a sign (`2^-1`). */
  private parsePower(): FormulaNode {
    const base = this.parsePrimary();
    const token = this.peek();
    if (token.type !== 'op' || token.text !== '^') return base;
    this.next();
    const exponent = this.nested(token, () => this.parseUnary());
    return this.arithmetic(token, base, exponent);
  }

  private parsePrimary(): FormulaNode {
    const token = this.peek();
    switch (token.type) {
      case 'number':
        this.next();
        return { kind: 'number', value: token.value, pos: token.pos, start: token.pos.offset, end: token.end, type: 'number' };
      case 'string':
        this.next();
        return { kind: 'string', value: token.text, pos: token.pos, start: token.pos.offset, end: token.end, type: 'text' };
      case 'kpi':
        this.next();
        if (this.context === 'dataset') {
          this.report(
            'KPI_REF_IN_MEASURE',
            token.pos,
            `Công thức đo trên bộ dữ liệu không dùng được mã KPI [${token.text}]`,
            `A dataset measure cannot use the KPI reference [${token.text}]`,
            { kpi: token.text },
          );
        }
        return { kind: 'kpi', code: token.text, pos: token.pos, start: token.pos.offset, end: token.end, type: 'number' };
      case 'ident':
        return this.parseIdentifier(token);
      case 'eof':
        return this.abort(
          'UNEXPECTED_END',
          token.pos,
          'Công thức kết thúc đột ngột: còn thiếu một giá trị',
          'Formula ends too early: a value is missing',
        );
      default:
        break;
    }
    if (token.text === '(') {
      this.next();
      const inner = this.nested(token, () => this.parseOr());
      this.expectClose();
      return inner;
    }
    const previous = this.tokens[this.i - 1];
    if (token.text === '=' && previous?.text === '=') {
      return this.abort(
        'UNEXPECTED_TOKEN',
        token.pos,
        "So sánh bằng chỉ dùng một dấu '=', không dùng '=='",
        "Equality uses a single '=', not '=='",
      );
    }
    return this.abort(
      'UNEXPECTED_TOKEN',
      token.pos,
      `Gặp '${show(token)}' không đúng chỗ: cần một giá trị`,
      `Unexpected '${show(token)}': expected a value`,
      { token: show(token) },
    );
  }

  private parseIdentifier(token: Token): FormulaNode {
    const lower = token.text.toLowerCase();
    const after = this.tokens[this.i + 1];
    if (after?.type === 'op' && after.text === '(' && !KEYWORDS.has(lower)) {
      return this.parseCall(token, lower);
    }
    if (KEYWORDS.has(lower)) {
      if (lower === 'where') this.whereOutsideAggregate(token);
      this.abort(
        'UNEXPECTED_TOKEN',
        token.pos,
        `Gặp từ khóa '${token.text}' không đúng chỗ: cần một giá trị`,
        `Unexpected keyword '${token.text}': expected a value`,
        { token: token.text },
      );
    }
    this.next();
    return this.column(token);
  }

  private parseCall(name: Token, fn: string): FormulaNode {
    const aggregate =
      AGGREGATES.has(fn) || ((fn === 'min' || fn === 'max') && this.looksLikeSingleColumn(this.i + 2));
    if (aggregate) return this.parseAggregate(name, fn as AggregateFunction);
    if (!SCALAR_FUNCTIONS.has(fn)) {
      this.abort(
        'UNKNOWN_FUNCTION',
        name.pos,
        `Không có hàm '${name.text}'. Các hàm có sẵn: ${FUNCTION_LIST}`,
        `Unknown function '${name.text}'. Available functions: ${FUNCTION_LIST}`,
        { name: name.text },
      );
    }
    this.next();
    const open = this.next();
    const args = this.nested(open, () => this.parseArguments());
    const close = this.expectClose(true);
    return this.call(name, fn as ScalarFunction, args, close.end);
  }

  private parseArguments(): FormulaNode[] {
    const args: FormulaNode[] = [];
    if (this.isOp(this.peek(), ')')) return args;
    for (;;) {
      args.push(this.parseOr());
      if (!this.isOp(this.peek(), ',')) return args;
      this.next();
    }
  }

  private parseAggregate(name: Token, fn: AggregateFunction): AggregateNode {
    this.next();
    const open = this.next();
    if (this.inFilter) {
      this.report(
        'NESTED_AGGREGATE',
        name.pos,
        `Không dùng hàm tổng hợp '${name.text}' bên trong điều kiện 'where'`,
        `Aggregate '${name.text}' cannot be used inside a 'where' condition`,
      );
    }
    if (this.context === 'kpi') {
      this.report(
        'AGGREGATE_IN_KPI_FORMULA',
        name.pos,
        `Hàm tổng hợp '${name.text}' chỉ dùng cho bộ dữ liệu, không dùng trong công thức KPI`,
        `Aggregate '${name.text}' is for datasets, not for KPI formulas`,
      );
    }
    let column: ColumnNode | null = null;
    const first = this.peek();
    if (fn === 'count' && this.isOp(first, '*')) {
      this.next(); // count(*) as in SQL means count()
    } else if (first.type === 'ident' && !KEYWORDS.has(first.text.toLowerCase())) {
      this.next();
      column = this.column(first, true);
    } else if (fn !== 'count') {
      this.abort(
        'AGGREGATE_NEEDS_COLUMN',
        first.pos,
        `Hàm '${name.text}' cần tên một cột của bộ dữ liệu, ví dụ ${fn}(doanh_thu)`,
        `'${name.text}' needs the name of a dataset column, e.g. ${fn}(sales)`,
      );
    }
    let filter: FormulaNode | null = null;
    if (this.isKeyword(this.peek(), 'where')) {
      const where = this.next();
      const outer = this.inFilter;
      this.inFilter = true;
      filter = this.nested(open, () => this.parseOr());
      this.inFilter = outer;
      this.expectType(filter, 'boolean', where.text);
    }
    const close = this.expectClose();
    return { kind: 'aggregate', fn, column, filter, pos: name.pos, start: name.pos.offset, end: close.end, type: 'number' };
  }

  // ── node builders with type checks ──

  private arithmetic(token: Token, left: FormulaNode, right: FormulaNode): FormulaNode {
    this.expectType(left, 'number', token.text);
    this.expectType(right, 'number', token.text);
    return {
      kind: 'binary',
      op: token.text as BinaryOp,
      left,
      right,
      pos: token.pos,
      start: left.start,
      end: right.end,
      type: 'number',
    };
  }

  private logical(op: 'and' | 'or', token: Token, left: FormulaNode, right: FormulaNode): FormulaNode {
    this.expectType(left, 'boolean', token.text);
    this.expectType(right, 'boolean', token.text);
    return { kind: 'binary', op, left, right, pos: token.pos, start: left.start, end: right.end, type: 'boolean' };
  }

  private call(name: Token, fn: ScalarFunction, args: FormulaNode[], end: number): FormulaNode {
    const [least, most] = ARITY[fn];
    if (args.length < least || args.length > most) {
      const expected = least === most ? `${least}` : most === Infinity ? `≥ ${least}` : `${least}–${most}`;
      this.report(
        'WRONG_ARGUMENT_COUNT',
        name.pos,
        `Hàm '${fn}' cần ${expected} đối số, nhưng có ${args.length}`,
        `'${fn}' takes ${expected} argument(s) but got ${args.length}`,
        { fn, expected, actual: args.length },
      );
    }
    let type: ValueType = 'number';
    if (fn === 'if') {
      const [cond, a, b] = args;
      if (cond) this.expectType(cond, 'boolean', 'if');
      type = this.unifyAll(fn, args.slice(1));
      if (!a || !b) type = 'unknown';
    } else if (fn === 'coalesce') {
      type = this.unifyAll(fn, args);
    } else {
      for (const arg of args) this.expectType(arg, 'number', fn);
    }
    return { kind: 'call', fn, args, pos: name.pos, start: name.pos.offset, end, type };
  }

  private unifyAll(fn: string, args: FormulaNode[]): ValueType {
    let type: ValueType = 'unknown';
    for (const arg of args) {
      const next = unify(type, arg.type);
      if (next === null) {
        const a = typeName(type);
        const b = typeName(arg.type);
        this.report(
          'TYPE_MISMATCH',
          arg.pos,
          `Các giá trị của '${fn}' phải cùng kiểu, nhưng có ${a.vi} và ${b.vi}`,
          `The values of '${fn}' must have one type, but got ${a.en} and ${b.en}`,
        );
        return type;
      }
      type = next;
    }
    return type;
  }

  private column(token: Token, isAggregateArgument = false): ColumnNode {
    if (!COLUMN_NAME.test(token.text)) {
      if (KPI_LIKE.test(token.text)) {
        this.report(
          'KPI_CODE_WITHOUT_BRACKETS',
          token.pos,
          `Mã KPI phải đặt trong ngoặc vuông: [${token.text}]`,
          `KPI codes go inside square brackets: [${token.text}]`,
          { code: token.text },
        );
      } else {
        this.report(
          'INVALID_COLUMN_NAME',
          token.pos,
          `Tên cột '${token.text}' không hợp lệ: dùng chữ thường, chữ số và '_'`,
          `Invalid column name '${token.text}': use lower-case letters, digits and '_'`,
          { name: token.text },
        );
      }
    } else if (!isAggregateArgument && !this.inFilter) {
      this.report(
        'COLUMN_OUTSIDE_AGGREGATE',
        token.pos,
        `Cột '${token.text}' phải nằm trong một hàm tổng hợp, ví dụ sum(${token.text})`,
        `Column '${token.text}' must be inside an aggregate, e.g. sum(${token.text})`,
        { name: token.text },
      );
    }
    return { kind: 'column', name: token.text, pos: token.pos, start: token.pos.offset, end: token.end, type: 'unknown' };
  }

  // ── helpers ──

  private expectType(node: FormulaNode, expected: 'number' | 'boolean', op: string): void {
    if (node.type === expected || node.type === 'unknown') return;
    const want = typeName(expected);
    const got = typeName(node.type);
    this.report(
      'TYPE_MISMATCH',
      node.pos,
      `'${op}' cần ${want.vi}, nhưng gặp ${got.vi}`,
      `'${op}' needs ${want.en}, but got ${got.en}`,
      { op, expected, actual: node.type },
    );
  }

  /** Runs `parse` one nesting level deeper; too deep stops parsing with a clear error. */
  private nested<T>(token: Token, parse: () => T): T {
    if (++this.depth > FORMULA_LIMITS.maxDepth) throw new Abort(tooDeep(token.pos));
    const result = parse();
    this.depth--;
    return result;
  }

  private expectClose(inArguments = false): Token {
    const token = this.peek();
    if (this.isOp(token, ')')) return this.next();
    if (this.isKeyword(token, 'where')) this.whereOutsideAggregate(token);
    const what = inArguments ? { vi: "dấu ',' hoặc dấu đóng ngoặc ')'", en: "',' or closing ')'" } : { vi: "dấu đóng ngoặc ')'", en: "closing ')'" };
    if (token.type === 'eof') this.abort('MISSING_CLOSING_PAREN', token.pos, `Thiếu ${what.vi}`, `Missing ${what.en}`);
    return this.abort(
      'MISSING_CLOSING_PAREN',
      token.pos,
      `Thiếu ${what.vi} trước '${show(token)}'`,
      `Missing ${what.en} before '${show(token)}'`,
      { token: show(token) },
    );
  }

  private whereOutsideAggregate(token: Token): never {
    return this.abort(
      'WHERE_OUTSIDE_AGGREGATE',
      token.pos,
      "'where' chỉ dùng bên trong hàm tổng hợp, ví dụ sum(doanh_thu where vung = \"Miền Nam\")",
      "'where' only works inside an aggregate, e.g. sum(sales where region = \"West\")",
    );
  }

  /** `min(x)` / `max(x)` with one bare column (optionally filtered) is an aggregate, not the scalar min. */
  private looksLikeSingleColumn(at: number): boolean {
    const first = this.tokens[at];
    const second = this.tokens[at + 1];
    if (first?.type !== 'ident' || KEYWORDS.has(first.text.toLowerCase()) || !second) return false;
    return this.isOp(second, ')') || this.isKeyword(second, 'where');
  }

  private isKeyword(token: Token, word: string): boolean {
    return token.type === 'ident' && token.text.toLowerCase() === word;
  }

  private isOp(token: Token, op: string): boolean {
    return token.type === 'op' && token.text === op;
  }

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    const token = this.tokens[this.i]!;
    if (token.type !== 'eof') this.i++;
    return token;
  }

  private report(code: FormulaErrorCode, pos: Position, vi: string, en: string, params?: Record<string, unknown>): void {
    if (this.errors.length < FORMULA_LIMITS.maxErrors) this.errors.push(formulaError(code, pos, vi, en, params));
  }

  private abort(code: FormulaErrorCode, pos: Position, vi: string, en: string, params?: Record<string, unknown>): never {
    throw new Abort(formulaError(code, pos, vi, en, params));
  }
}
