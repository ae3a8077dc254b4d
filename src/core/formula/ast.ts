/** Where a node or error sits in the formula text. Line and column are 1-based; column counts characters (code points). */
export interface Position {
  line: number;
  column: number;
  /** 0-based UTF-16 offset into the text. */
  offset: number;
}

/** Static type of an expression. `unknown` is a dataset column whose type is only known once the dataset is. */
export type ValueType = 'number' | 'boolean' | 'text' | 'unknown';

export type ArithmeticOp = '+' | '-' | '*' | '/' | '^';
export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOp = 'and' | 'or';
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;
export type UnaryOp = '-' | '+' | 'not';

export type ScalarFunction = 'if' | 'min' | 'max' | 'abs' | 'round' | 'coalesce';
export type AggregateFunction = 'sum' | 'count' | 'count_distinct' | 'avg' | 'min' | 'max';

interface NodeBase {
  /** The token that best identifies the node (the operator of a binary node, the name of a call). */
  pos: Position;
  /** UTF-16 offsets of the whole expression, end exclusive. */
  start: number;
  end: number;
  type: ValueType;
}

export interface NumberNode extends NodeBase {
  kind: 'number';
  value: number;
}

export interface StringNode extends NodeBase {
  kind: 'string';
  value: string;
}

/** `[REV]`: the value of another KPI. */
export interface KpiRefNode extends NodeBase {
  kind: 'kpi';
  code: string;
}

/** `sales`: a dataset column; only valid inside an aggregate. */
export interface ColumnNode extends NodeBase {
  kind: 'column';
  name: string;
}

export interface UnaryNode extends NodeBase {
  kind: 'unary';
  op: UnaryOp;
  operand: FormulaNode;
}

export interface BinaryNode extends NodeBase {
  kind: 'binary';
  op: BinaryOp;
  left: FormulaNode;
  right: FormulaNode;
}

export interface CallNode extends NodeBase {
  kind: 'call';
  fn: ScalarFunction;
  args: FormulaNode[];
}

/** `sum(sales where region = "West")`: a dataset measure. `column` is null for `count()`. */
export interface AggregateNode extends NodeBase {
  kind: 'aggregate';
  fn: AggregateFunction;
  column: ColumnNode | null;
  filter: FormulaNode | null;
}

export type FormulaNode =
  | NumberNode
  | StringNode
  | KpiRefNode
  | ColumnNode
  | UnaryNode
  | BinaryNode
  | CallNode
  | AggregateNode;

export const ARITHMETIC_OPS: ReadonlySet<string> = new Set(['+', '-', '*', '/', '^']);
export const COMPARISON_OPS: ReadonlySet<string> = new Set(['=', '!=', '<', '<=', '>', '>=']);
