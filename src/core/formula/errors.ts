import type { Issue, Localized } from '../errors';
import type { Position } from './ast';

/** Stable codes of formula errors (parse, type check, SQL compile, formula-set validation). */
export type FormulaErrorCode =
  | 'FORMULA_TOO_LONG'
  | 'TOO_MANY_TOKENS'
  | 'TOO_DEEP'
  | 'EMPTY_FORMULA'
  | 'UNEXPECTED_CHARACTER'
  | 'UNTERMINATED_STRING'
  | 'UNTERMINATED_KPI_REF'
  | 'INVALID_KPI_CODE'
  | 'KPI_CODE_WITHOUT_BRACKETS'
  | 'INVALID_COLUMN_NAME'
  | 'INVALID_NUMBER'
  | 'UNEXPECTED_TOKEN'
  | 'UNEXPECTED_END'
  | 'MISSING_CLOSING_PAREN'
  | 'UNKNOWN_FUNCTION'
  | 'WRONG_ARGUMENT_COUNT'
  | 'CHAINED_COMPARISON'
  | 'TYPE_MISMATCH'
  | 'COLUMN_OUTSIDE_AGGREGATE'
  | 'AGGREGATE_NEEDS_COLUMN'
  | 'NESTED_AGGREGATE'
  | 'WHERE_OUTSIDE_AGGREGATE'
  | 'AGGREGATE_IN_KPI_FORMULA'
  | 'KPI_REF_IN_MEASURE'
  | 'RESULT_NOT_NUMBER'
  | 'UNKNOWN_COLUMN'
  | 'INVALID_DATE'
  | 'UNKNOWN_KPI'
  | 'CIRCULAR_REFERENCE';

/** One problem in a formula, with where it is. */
export interface FormulaError {
  code: FormulaErrorCode;
  /** Already contains the position, e.g. "… tại dòng 1, cột 12". */
  message: Localized;
  line: number;
  column: number;
  /** 0-based UTF-16 offset, for highlighting in an editor. */
  offset: number;
  params?: Record<string, unknown>;
}

export function formulaError(
  code: FormulaErrorCode,
  pos: Position,
  vi: string,
  en: string,
  params?: Record<string, unknown>,
): FormulaError {
  const error: FormulaError = {
    code,
    message: { vi: `${vi} tại dòng ${pos.line}, cột ${pos.column}`, en: `${en} at line ${pos.line}, column ${pos.column}` },
    line: pos.line,
    column: pos.column,
    offset: pos.offset,
  };
  if (params) error.params = params;
  return error;
}

export const START: Position = { line: 1, column: 1, offset: 0 };

/** Formula errors as validation issues of one field (e.g. `formula`, `kpis.3.formula`). */
export function formulaIssues(errors: readonly FormulaError[], path = 'formula'): Issue[] {
  return errors.map((e) => ({ path, code: e.code, message: e.message }));
}
