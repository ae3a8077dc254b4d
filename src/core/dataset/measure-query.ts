import { issue, type Issue } from '../errors';
import {
  columns as columnsOf,
  formulaIssues,
  parseCondition,
  parseMeasure,
  tryCompileConditionSql,
  tryCompileMeasureSql,
  type FormulaNode,
} from '../formula';
import { columnSql, datasetShape, findColumn, isDateColumn, queryInvalid, quoteIdent } from './columns';
import { isGrain, periodKeySql, type Grain } from './grain';
import type { DatasetColumnType, DatasetInfo } from './types';

export const MEASURE_QUERY_LIMITS = { measures: 20, by: 4, rows: 10_000, expressionLength: 2_000 } as const;
/** Names of measures and output columns: they are JSON keys, never SQL (the SQL uses m0, g0 …). */
export const OUTPUT_NAME = /^[a-z][a-z0-9_]{0,59}$/;

export interface MeasureSpec {
  name: string;
  expression: string;
}

export interface MeasureQueryRequest {
  measures: MeasureSpec[];
  /** `region`, or `order_date:month` (day | week | month | quarter | year) for a date or datetime column. */
  by: string[];
  /** A row condition applied before grouping: `segment = 'Consumer' and sales > 0`. */
  where?: string | undefined;
}

/** How a group value comes back from the database and goes out as JSON. */
export type GroupKind = 'text' | 'number' | 'boolean' | 'date' | 'period';

/**
 * One SELECT … FROM table [WHERE …] [GROUP BY …] over a dataset, compiled: every identifier comes from the
 * catalogue (quoted), every literal is in `params`. The repository assembles and runs it.
 */
export interface MeasureQueryPlan {
  table: string;
  groups: { name: string; sql: string; kind: GroupKind }[];
  measures: { name: string; sql: string }[];
  where: string | null;
  params: unknown[];
}

const GROUP_KIND: Record<DatasetColumnType, GroupKind> = {
  text: 'text',
  integer: 'number',
  decimal: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'date',
};

interface ParsedMeasure {
  name: string;
  ast: FormulaNode;
  filter: FormulaNode | null;
}

/**
 * Checks a query against the dataset and compiles it, or throws DATASET_QUERY_INVALID listing every problem
 * with its field path (`measures.1.expression`, `by.0`, `where`). `timeZone` is the company's: grains and
 * datetime comparisons use its calendar.
 */
export function planMeasureQuery(dataset: DatasetInfo, request: MeasureQueryRequest, timeZone: string): MeasureQueryPlan {
  const issues: Issue[] = [];
  checkShape(request, issues);

  const measures: ParsedMeasure[] = [];
  request.measures.forEach((m, i) => {
    const parsed = parseMeasure(m.expression);
    if (parsed.ok) measures.push({ name: m.name, ast: parsed.ast, filter: parsed.filter });
    else issues.push(...formulaIssues(parsed.errors, `measures.${i}.expression`));
  });
  let where: FormulaNode | null = null;
  if (request.where !== undefined && request.where.trim() !== '') {
    const parsed = parseCondition(request.where);
    if (parsed.ok) where = parsed.ast;
    else issues.push(...formulaIssues(parsed.errors, 'where'));
  }
  const by = request.by.map((item, i) => parseBy(dataset, item, `by.${i}`, issues));
  if (issues.length > 0) throw queryInvalid(issues);

  // The time zone is $1 only when a datetime column is used (an unused parameter has no type in PostgreSQL).
  const used = new Set([
    ...measures.flatMap((m) => [...columnsOf(m.ast), ...(m.filter ? columnsOf(m.filter) : [])]),
    ...(where ? columnsOf(where) : []),
    ...by.map((b) => b?.column ?? ''),
  ]);
  const needsTz = dataset.columns.some((c) => c.type === 'datetime' && used.has(c.name));
  const params: unknown[] = needsTz ? [timeZone] : [];
  const types = new Map(dataset.columns.map((c) => [c.name, c]));
  const sqlOf = (name: string) => columnSql(types.get(name)!, '$1');
  const shape = datasetShape(dataset);

  let whereSql: string | null = null;
  if (where) {
    const compiled = tryCompileConditionSql(where, shape, sqlOf, params.length + 1);
    if (compiled.ok) {
      whereSql = compiled.sql;
      params.push(...compiled.params);
    } else issues.push(...formulaIssues(compiled.errors, 'where'));
  }
  const compiledMeasures: MeasureQueryPlan['measures'] = [];
  measures.forEach((m, i) => {
    const compiled = tryCompileMeasureSql(m.ast, shape, sqlOf, params.length + 1, m.filter);
    if (compiled.ok) {
      compiledMeasures.push({ name: m.name, sql: compiled.sql });
      params.push(...compiled.params);
    } else issues.push(...formulaIssues(compiled.errors, `measures.${i}.expression`));
  });
  if (issues.length > 0) throw queryInvalid(issues);

  const groups = by.map((b) => {
    const { column, grain } = b!;
    const info = types.get(column)!;
    if (grain) return { name: column, sql: periodKeySql(sqlOf(column), grain), kind: 'period' as const };
    return { name: column, sql: quoteIdent(column), kind: GROUP_KIND[info.type] };
  });
  return { table: quoteIdent(dataset.tableName), groups, measures: compiledMeasures, where: whereSql, params };
}

function checkShape(request: MeasureQueryRequest, issues: Issue[]): void {
  const { measures, by } = request;
  if (measures.length === 0) {
    issues.push(issue('measures', 'NO_MEASURE', 'Cần ít nhất một chỉ số (measure)', 'At least one measure is needed'));
  }
  if (measures.length > MEASURE_QUERY_LIMITS.measures) {
    issues.push(issue('measures', 'TOO_MANY_MEASURES', `Tối đa ${MEASURE_QUERY_LIMITS.measures} chỉ số`, `At most ${MEASURE_QUERY_LIMITS.measures} measures`));
  }
  if (by.length > MEASURE_QUERY_LIMITS.by) {
    issues.push(issue('by', 'TOO_MANY_GROUPS', `Tối đa ${MEASURE_QUERY_LIMITS.by} cột nhóm`, `At most ${MEASURE_QUERY_LIMITS.by} group columns`));
  }
  const seen = new Set<string>();
  const names = [...by.map((b, i) => ({ name: b.split(':')[0]!, path: `by.${i}` })), ...measures.map((m, i) => ({ name: m.name, path: `measures.${i}.name` }))];
  for (const { name, path } of names) {
    if (!OUTPUT_NAME.test(name)) {
      issues.push(
        issue(path, 'INVALID_NAME', `Tên '${name}' không hợp lệ: dùng chữ thường, chữ số và '_', bắt đầu bằng chữ cái`, `Invalid name '${name}': use lower-case letters, digits and '_', starting with a letter`),
      );
    } else if (seen.has(name)) {
      issues.push(issue(path, 'DUPLICATE_NAME', `Tên '${name}' bị trùng trong kết quả`, `The name '${name}' is used twice in the result`));
    }
    seen.add(name);
  }
  measures.forEach((m, i) => {
    if (m.expression.length > MEASURE_QUERY_LIMITS.expressionLength) {
      issues.push(
        issue(`measures.${i}.expression`, 'FORMULA_TOO_LONG', `Công thức dài quá ${MEASURE_QUERY_LIMITS.expressionLength} ký tự`, `The formula is longer than ${MEASURE_QUERY_LIMITS.expressionLength} characters`),
      );
    }
  });
}

function parseBy(dataset: DatasetInfo, item: string, path: string, issues: Issue[]): { column: string; grain: Grain | null } | null {
  const [name = '', grainText, ...rest] = item.split(':');
  if (!OUTPUT_NAME.test(name)) return null; // reported by checkShape
  if (rest.length > 0) {
    issues.push(issue(path, 'UNKNOWN_GRAIN', `'${item}': dùng dạng cột hoặc cột:kỳ`, `'${item}': use column or column:grain`));
    return null;
  }
  const column = findColumn(dataset, name, path, issues);
  if (!column) return null;
  if (grainText === undefined) {
    if (column.type === 'datetime') {
      issues.push(
        issue(path, 'GRAIN_NEEDED', `Cột '${name}' là ngày giờ: hãy chọn kỳ, ví dụ ${name}:day hoặc ${name}:month`, `Column '${name}' is a date-time: choose a grain, e.g. ${name}:day or ${name}:month`),
      );
    }
    return { column: name, grain: null };
  }
  if (!isGrain(grainText)) {
    issues.push(issue(path, 'UNKNOWN_GRAIN', `Kỳ '${grainText}' không hợp lệ: day, week, month, quarter hoặc year`, `Unknown grain '${grainText}': day, week, month, quarter or year`));
    return null;
  }
  if (!isDateColumn(column)) {
    issues.push(issue(path, 'GRAIN_ON_NON_DATE', `Chỉ nhóm theo kỳ được trên cột ngày; '${name}' không phải cột ngày`, `Only a date column can be grouped by a grain; '${name}' is not a date`));
    return null;
  }
  return { column: name, grain: grainText };
}
