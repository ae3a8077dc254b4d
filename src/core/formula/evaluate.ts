import type { Localized } from '../errors';
import type { FormulaNode, Position } from './ast';
import { roundHalfAwayFromZero } from './round';

/**
 * Why a formula has no value. The first four are "no value" (the data does not allow a result; `coalesce`
 * skips them); the others mean the formula cannot run here.
 */
export type EvalReasonCode =
  | 'MISSING_VALUE'
  | 'DIVISION_BY_ZERO'
  | 'NON_FINITE'
  | 'INVALID_ARGUMENT'
  | 'TYPE_ERROR'
  | 'NOT_EVALUABLE';

export interface EvalReason {
  code: EvalReasonCode;
  message: Localized;
  line: number;
  column: number;
  /** The KPI whose value is missing or invalid, for MISSING_VALUE / NON_FINITE on an input. */
  kpi?: string;
}

export type EvalResult = { ok: true; value: number } | { ok: false; reason: EvalReason };

export type KpiValues = Readonly<Record<string, number | null | undefined>>;

const NONE: unique symbol = Symbol('no value');
type Value = number | boolean | string;
type Outcome = Value | typeof NONE;

const SOFT: ReadonlySet<EvalReasonCode> = new Set(['MISSING_VALUE', 'DIVISION_BY_ZERO', 'NON_FINITE', 'INVALID_ARGUMENT']);

/** Evaluates a KPI formula. Never throws, never returns Infinity or NaN: those become "no value" with a reason. */
export function evaluate(ast: FormulaNode, values: KpiValues): EvalResult {
  const run = new Run(values);
  const value = run.eval(ast);
  if (value === NONE) return { ok: false, reason: run.reason! };
  if (typeof value !== 'number') {
    return {
      ok: false,
      reason: reason(
        'TYPE_ERROR',
        ast.pos,
        'Kết quả công thức không phải là số',
        'The formula result is not a number',
      ),
    };
  }
  return { ok: true, value: value === 0 ? 0 : value };
}

function reason(code: EvalReasonCode, pos: Position, vi: string, en: string, kpi?: string): EvalReason {
  const r: EvalReason = {
    code,
    message: { vi: `${vi} tại dòng ${pos.line}, cột ${pos.column}`, en: `${en} at line ${pos.line}, column ${pos.column}` },
    line: pos.line,
    column: pos.column,
  };
  if (kpi !== undefined) r.kpi = kpi;
  return r;
}

class Run {
  reason: EvalReason | null = null;

  constructor(private readonly values: KpiValues) {}

  eval(node: FormulaNode): Outcome {
    switch (node.kind) {
      case 'number':
      case 'string':
        return node.value;
      case 'kpi':
        return this.kpi(node.code, node.pos);
      case 'unary':
        return this.unary(node);
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
      case 'column':
        return this.fail(
          reason('NOT_EVALUABLE', node.pos, `Cột '${node.name}' chỉ tính được trên bộ dữ liệu`, `Column '${node.name}' can only be computed on a dataset`),
        );
      case 'aggregate':
        return this.fail(
          reason('NOT_EVALUABLE', node.pos, `Hàm '${node.fn}' chỉ tính được trên bộ dữ liệu`, `'${node.fn}' can only be computed on a dataset`),
        );
    }
  }

  private kpi(code: string, pos: Position): Outcome {
    const value = Object.hasOwn(this.values, code) ? this.values[code] : undefined;
    if (value === null || value === undefined) {
      return this.fail(reason('MISSING_VALUE', pos, `Chỉ số [${code}] chưa có giá trị`, `KPI [${code}] has no value`, code));
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.fail(
        reason('NON_FINITE', pos, `Giá trị của chỉ số [${code}] không phải là số hợp lệ`, `The value of KPI [${code}] is not a valid number`, code),
      );
    }
    return value;
  }

  private unary(node: Extract<FormulaNode, { kind: 'unary' }>): Outcome {
    const v = this.eval(node.operand);
    if (v === NONE) return NONE;
    if (node.op === 'not') return typeof v === 'boolean' ? !v : this.typeError(node, 'not');
    if (typeof v !== 'number') return this.typeError(node, node.op);
    return node.op === '-' ? -v : v;
  }

  private binary(node: Extract<FormulaNode, { kind: 'binary' }>): Outcome {
    const { op } = node;
    const left = this.eval(node.left);
    if (left === NONE) return NONE;
    if (op === 'and' || op === 'or') {
      if (typeof left !== 'boolean') return this.typeError(node, op);
      if (op === 'and' ? !left : left) return left;
      const right = this.eval(node.right);
      if (right === NONE) return NONE;
      return typeof right === 'boolean' ? right : this.typeError(node, op);
    }
    const right = this.eval(node.right);
    if (right === NONE) return NONE;
    if (op === '=' || op === '!=') {
      if (typeof left !== typeof right) return this.typeError(node, op);
      return op === '=' ? left === right : left !== right;
    }
    if (op === '<' || op === '<=' || op === '>' || op === '>=') {
      if (typeof left !== typeof right || typeof left === 'boolean') return this.typeError(node, op);
      if (op === '<') return left < right;
      if (op === '<=') return left <= right;
      if (op === '>') return left > right;
      return left >= right;
    }
    if (typeof left !== 'number' || typeof right !== 'number') return this.typeError(node, op);
    let result: number;
    switch (op) {
      case '+':
        result = left + right;
        break;
      case '-':
        result = left - right;
        break;
      case '*':
        result = left * right;
        break;
      case '/':
        if (right === 0) {
          const divisor = node.right.kind === 'kpi' ? ` ([${node.right.code}] = 0)` : '';
          return this.fail(reason('DIVISION_BY_ZERO', node.pos, `Chia cho 0${divisor}`, `Division by zero${divisor}`));
        }
        result = left / right;
        break;
      default:
        result = left ** right;
    }
    return this.finite(result, node.pos);
  }

  private call(node: Extract<FormulaNode, { kind: 'call' }>): Outcome {
    const { args } = node;
    switch (node.fn) {
      case 'if': {
        const cond = this.eval(args[0]!);
        if (cond === NONE) return NONE;
        if (typeof cond !== 'boolean') return this.typeError(node, 'if');
        return this.eval((cond ? args[1] : args[2])!);
      }
      case 'coalesce': {
        for (const arg of args) {
          const v = this.eval(arg);
          if (v !== NONE) return v;
          if (!SOFT.has(this.reason!.code)) return NONE;
        }
        return NONE;
      }
      case 'min':
      case 'max': {
        let best = NaN;
        for (const arg of args) {
          const v = this.eval(arg);
          if (v === NONE) return NONE;
          if (typeof v !== 'number') return this.typeError(node, node.fn);
          if (Number.isNaN(best) || (node.fn === 'min' ? v < best : v > best)) best = v;
        }
        return this.finite(best, node.pos);
      }
      case 'abs': {
        const v = this.eval(args[0]!);
        if (v === NONE) return NONE;
        return typeof v === 'number' ? Math.abs(v) : this.typeError(node, 'abs');
      }
      case 'round': {
        const v = this.eval(args[0]!);
        if (v === NONE) return NONE;
        const digits = args[1] ? this.eval(args[1]) : 0;
        if (digits === NONE) return NONE;
        if (typeof v !== 'number' || typeof digits !== 'number') return this.typeError(node, 'round');
        if (!Number.isInteger(digits) || Math.abs(digits) > 15) {
          return this.fail(
            reason(
              'INVALID_ARGUMENT',
              node.pos,
              `Số chữ số làm tròn phải là số nguyên từ -15 đến 15, nhưng là ${digits}`,
              `Rounding digits must be a whole number from -15 to 15, but is ${digits}`,
            ),
          );
        }
        return this.finite(roundHalfAwayFromZero(v, digits), node.pos);
      }
    }
  }

  private finite(value: number, pos: Position): Outcome {
    if (Number.isFinite(value)) return value;
    return this.fail(
      reason(
        'NON_FINITE',
        pos,
        'Kết quả không phải là số hữu hạn (quá lớn hoặc không xác định)',
        'The result is not a finite number (too large or undefined)',
      ),
    );
  }

  private typeError(node: FormulaNode, op: string): typeof NONE {
    return this.fail(reason('TYPE_ERROR', node.pos, `Sai kiểu giá trị cho '${op}'`, `Wrong value type for '${op}'`));
  }

  private fail(r: EvalReason): typeof NONE {
    this.reason = r;
    return NONE;
  }
}
