export type {
  AggregateFunction,
  AggregateNode,
  ArithmeticOp,
  BinaryNode,
  BinaryOp,
  CallNode,
  ColumnNode,
  ComparisonOp,
  FormulaNode,
  KpiRefNode,
  LogicalOp,
  NumberNode,
  Position,
  ScalarFunction,
  StringNode,
  UnaryNode,
  UnaryOp,
  ValueType,
} from './ast';
export { formulaIssues, type FormulaError, type FormulaErrorCode } from './errors';
export { FORMULA_LIMITS } from './limits';
export { parse, parseCondition, parseMeasure, type FormulaContext, type MeasureParseResult, type ParseOptions, type ParseResult } from './parser';
export { evaluate, type EvalReason, type EvalReasonCode, type EvalResult, type KpiValues } from './evaluate';
export { columns, references } from './references';
export { cyclesThrough, evaluationOrder, findCycle, type DependencyGraph } from './graph';
export {
  evaluateFormulaSet,
  validateFormulaSet,
  type FormulaKpi,
  type FormulaSetIssue,
  type FormulaSetResult,
} from './formula-set';
export {
  compileMeasureSql,
  tryCompileConditionSql,
  tryCompileMeasureSql,
  type ColumnType,
  type CompileResult,
  type CompiledMeasure,
  type DatasetColumn,
  type DatasetShape,
} from './compile-sql';
