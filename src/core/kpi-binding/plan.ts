import { columnSql, datasetShape, findColumn, localDateSql, quoteIdent } from '../dataset/columns';
import { planMeasureQuery, type MeasureSpec } from '../dataset/measure-query';
import type { DatasetColumnInfo, DatasetInfo } from '../dataset/types';
import { DomainError, issue, type Issue } from '../errors';
import { columns as columnsOf, parseMeasure, tryCompileConditionSql } from '../formula';
import type { KpiFrequency } from '../kpi';
import { BINDING_LIMITS, FREQUENCY_GRAIN, type BindingScope, type KpiBinding } from './types';

/**
 * One grouped SELECT of a bound KPI, compiled: identifiers from the catalogue (quoted), every user value a
 * parameter. `period` gives the KPI's period key of a row, `scope` the row's mapped scope value (NULL when the
 * value is not mapped). The repository runs it with GROUPING SETS ((period), (period, scope)): company totals
 * and mapped scopes in one statement.
 */
export interface BindingQueryPlan {
  table: string;
  period: string;
  /** The local calendar date of a row (for the date range of a recompute and of a drill-through). */
  localDate: string;
  /** The scope key (`unit:12`, `person:7`) of a row, NULL when its value is not mapped; null without a scope column. */
  scope: string | null;
  value: string;
  /** For a ratio of sums (`a / b`): its two sides, stored as the actual's numerator and denominator. */
  numerator: string | null;
  denominator: string | null;
  params: unknown[];
}

/**
 * Checks a binding against the dataset catalogue with the measure compiler and compiles it, or throws
 * KPI_BINDING_INVALID listing every problem with its field path (`binding.measure`, `binding.dateColumn`,
 * `binding.scopes.2.value` …). `dataset` null: the dataset does not exist.
 */
export function planBinding(dataset: DatasetInfo | null, binding: KpiBinding, frequency: KpiFrequency | null, timeZone: string): BindingQueryPlan {
  const issues = shapeIssues(binding, frequency);
  if (!dataset) {
    issues.unshift(issue('binding.dataset', 'UNKNOWN_DATASET', `Không có tập dữ liệu '${binding.dataset}'.`, `There is no dataset '${binding.dataset}'.`));
    throw bindingInvalid(issues);
  }
  const scopeColumn = binding.scopeColumn === null ? null : findColumn(dataset, binding.scopeColumn, 'binding.scopeColumn', issues);
  if (scopeColumn && !SCOPE_TYPES.has(scopeColumn.type)) {
    issues.push(
      issue('binding.scopeColumn', 'SCOPE_COLUMN_TYPE', `Cột phạm vi '${scopeColumn.name}' phải là chữ hoặc số nguyên.`, `The scope column '${scopeColumn.name}' must be text or an integer.`),
    );
  }
  if (issues.length > 0 || frequency === null) throw bindingInvalid(issues);

  const grain = FREQUENCY_GRAIN[frequency];
  let plan;
  try {
    plan = planMeasureQuery(dataset, { measures: measureSpecs(binding.measure), by: [`${binding.dateColumn}:${grain}`] }, timeZone);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'DATASET_QUERY_INVALID') throw bindingInvalid((error.issues ?? []).map(toBindingPath));
    throw error;
  }
  const dateColumn = dataset.columns.find((c) => c.name === binding.dateColumn)!;
  const params = [...plan.params];
  // A datetime date column is read in the company's calendar: planMeasureQuery then holds the time zone as $1.
  // The scope key ('unit:12', 'person:7') a row's value is mapped to, NULL when it is not mapped: two values
  // mapped to one unit make one group, so a ratio is over both values' rows together.
  let scope: string | null = null;
  if (scopeColumn) {
    const keys = `$${params.push(binding.scopes.map((m) => scopeKeyOf(m.scope)))}::text[]`;
    const values = `$${params.push(binding.scopes.map((m) => m.value))}::text[]`;
    scope = `(${keys})[array_position(${values}, CAST(${quoteIdent(scopeColumn.name)} AS text))]`;
  }
  const [value, numerator, denominator] = plan.measures.map((m) => m.sql);
  return {
    table: plan.table,
    period: plan.groups[0]!.sql,
    localDate: localDateSql(dateColumn, '$1'),
    scope,
    value: value!,
    numerator: numerator ?? null,
    denominator: denominator ?? null,
    params,
  };
}

const SCOPE_TYPES = new Set<DatasetColumnInfo['type']>(['text', 'integer']);

/** The measure, and for `a / b` (a ratio of sums) also its two sides, each with the measure's own `where`. */
function measureSpecs(expression: string): MeasureSpec[] {
  const specs: MeasureSpec[] = [{ name: 'value', expression }];
  const parsed = parseMeasure(expression);
  if (!parsed.ok || parsed.ast.kind !== 'binary' || parsed.ast.op !== '/') return specs;
  const where = parsed.filter ? ` where ${expression.slice(parsed.filter.start, parsed.filter.end)}` : '';
  const side = (n: { start: number; end: number }) => `${expression.slice(n.start, n.end)}${where}`;
  specs.push({ name: 'numerator', expression: side(parsed.ast.left) }, { name: 'denominator', expression: side(parsed.ast.right) });
  return specs;
}

/** The rows behind a bound KPI's numbers: their local date, mapped scope value and the measure's own `where`. */
export interface BindingRowsPlan {
  table: string;
  localDate: string;
  /** The scope column as text, or null without one. */
  scopeValue: string | null;
  rowFilter: string | null;
  params: unknown[];
}

/** For a binding `planBinding` accepted: how to find the rows of a period and scope (the drill-through). */
export function planBindingRows(dataset: DatasetInfo, binding: KpiBinding, timeZone: string): BindingRowsPlan {
  const types = new Map(dataset.columns.map((c) => [c.name, c]));
  const parsed = parseMeasure(binding.measure);
  const filter = parsed.ok ? parsed.filter : null;
  const dateColumn = types.get(binding.dateColumn)!;
  const used = [dateColumn, ...(filter ? columnsOf(filter).map((n) => types.get(n)) : [])];
  // $1 is the time zone only when a datetime column is read (an unused parameter has no type in PostgreSQL).
  const params: unknown[] = used.some((c) => c?.type === 'datetime') ? [timeZone] : [];
  let rowFilter: string | null = null;
  if (filter) {
    const compiled = tryCompileConditionSql(filter, datasetShape(dataset), (name) => columnSql(types.get(name)!, '$1'), params.length + 1);
    if (compiled.ok) {
      rowFilter = compiled.sql;
      params.push(...compiled.params);
    }
  }
  return {
    table: quoteIdent(dataset.tableName),
    localDate: localDateSql(dateColumn, '$1'),
    scopeValue: binding.scopeColumn ? `CAST(${quoteIdent(binding.scopeColumn)} AS text)` : null,
    rowFilter,
    params,
  };
}

function shapeIssues(binding: KpiBinding, frequency: KpiFrequency | null): Issue[] {
  const issues: Issue[] = [];
  if (frequency === null) {
    issues.push(issue('frequency', 'FREQUENCY_NEEDED', 'KPI tính từ tập dữ liệu cần có tần suất đo (tháng, quý …).', 'A KPI computed from a dataset needs a frequency (monthly, quarterly …).'));
  }
  if (binding.scopeColumn === null && binding.scopes.length > 0) {
    issues.push(issue('binding.scopeColumn', 'SCOPE_COLUMN_NEEDED', 'Hãy chọn cột phạm vi cho bảng ánh xạ.', 'Choose the scope column the mapping is about.'));
  }
  if (binding.scopes.length > BINDING_LIMITS.scopes) {
    issues.push(issue('binding.scopes', 'TOO_MANY_SCOPES', `Tối đa ${BINDING_LIMITS.scopes} giá trị ánh xạ.`, `At most ${BINDING_LIMITS.scopes} mapped values.`));
  }
  const seen = new Set<string>();
  binding.scopes.forEach((m, i) => {
    const path = `binding.scopes.${i}.value`;
    if (m.value.trim() === '') issues.push(issue(path, 'EMPTY_VALUE', 'Giá trị ánh xạ trống.', 'The mapped value is empty.'));
    else if (m.value.length > BINDING_LIMITS.valueLength) {
      issues.push(issue(path, 'VALUE_TOO_LONG', `Giá trị dài quá ${BINDING_LIMITS.valueLength} ký tự.`, `The value is longer than ${BINDING_LIMITS.valueLength} characters.`));
    } else if (seen.has(m.value)) issues.push(issue(path, 'DUPLICATE_VALUE', `Giá trị '${m.value}' được ánh xạ hai lần.`, `The value '${m.value}' is mapped twice.`));
    seen.add(m.value);
  });
  return issues;
}

/** Paths of the measure compiler's issues as the binding's fields. */
function toBindingPath(i: Issue): Issue {
  const path = i.path.startsWith('measures.') ? 'binding.measure' : i.path.startsWith('by.') ? 'binding.dateColumn' : `binding.${i.path}`;
  return { ...i, path };
}

export function bindingInvalid(issues: Issue[]): DomainError {
  const first = issues[0]?.message ?? { vi: 'liên kết không hợp lệ', en: 'the binding is not valid' };
  return new DomainError('KPI_BINDING_INVALID', { vi: `Liên kết dữ liệu của KPI không hợp lệ: ${first.vi}`, en: `The KPI's data binding is not valid: ${first.en}` }, { issues });
}

/** `unit:12`, `person:7`: how a mapped scope is named in the grouped query's result. */
export function scopeKeyOf(scope: BindingScope): string {
  return `${scope.type}:${scope.id}`;
}
