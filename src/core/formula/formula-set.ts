import { isValueInRange } from '../limits';
import type { FormulaNode, KpiRefNode } from './ast';
import { formulaError, type FormulaError } from './errors';
import { evaluate, type EvalResult, type KpiValues } from './evaluate';
import { cyclesThrough, evaluationOrder } from './graph';
import { parse } from './parser';
import { references } from './references';

/** A computed KPI: its code and the formula text that gives its value. */
export interface FormulaKpi {
  code: string;
  formula: string;
}

/** A formula error attached to the KPI whose formula has it. */
export interface FormulaSetIssue extends FormulaError {
  kpi: string;
}

export interface FormulaSetResult {
  ok: boolean;
  issues: FormulaSetIssue[];
  /** Parsed formulas of the KPIs without errors. */
  formulas: Map<string, FormulaNode>;
  /** Computed KPIs in an order where every formula comes after the computed KPIs it uses (empty when there are cycles). */
  order: string[];
}

/**
 * Checks a whole set of computed KPIs at once: syntax and type errors, references to KPIs that do not
 * exist, and circular references (each KPI on a cycle gets an issue with the cycle path).
 * `knownCodes` are the codes of all other KPIs (those with entered values).
 */
export function validateFormulaSet(kpis: readonly FormulaKpi[], knownCodes: Iterable<string>): FormulaSetResult {
  const issues: FormulaSetIssue[] = [];
  const parsed = new Map<string, FormulaNode>();
  const known = new Set(knownCodes);
  for (const kpi of kpis) known.add(kpi.code);

  for (const kpi of kpis) {
    const result = parse(kpi.formula, { context: 'kpi' });
    if (!result.ok) {
      for (const error of result.errors) issues.push({ ...error, kpi: kpi.code });
      continue;
    }
    parsed.set(kpi.code, result.ast);
    for (const ref of kpiRefs(result.ast)) {
      if (known.has(ref.code)) continue;
      issues.push({
        ...formulaError(
          'UNKNOWN_KPI',
          ref.pos,
          `Không có chỉ số KPI mã [${ref.code}]`,
          `There is no KPI with code [${ref.code}]`,
          { code: ref.code },
        ),
        kpi: kpi.code,
      });
    }
  }

  const graph: Record<string, string[]> = {};
  for (const [code, ast] of parsed) graph[code] = references(ast).filter((ref) => parsed.has(ref));
  const cycles = cyclesThrough(graph);
  for (const [code, cycle] of cycles) {
    const ast = parsed.get(code)!;
    const firstRef = kpiRefs(ast).find((ref) => ref.code === cycle[1])!;
    const path = cycle.join(' → ');
    issues.push({
      ...formulaError(
        'CIRCULAR_REFERENCE',
        firstRef.pos,
        `Công thức tham chiếu vòng: ${path}`,
        `Circular reference: ${path}`,
        { cycle },
      ),
      kpi: code,
    });
  }
  for (const issue of issues) parsed.delete(issue.kpi);

  const order = cycles.size > 0 ? [] : (evaluationOrder(graph) ?? []).filter((code) => parsed.has(code));
  return { ok: issues.length === 0, issues, formulas: parsed, order };
}

/**
 * Computes every valid formula KPI of a validated set, in dependency order. A formula that uses a
 * computed KPI without a value gets "no value" itself (with the reason of that missing input).
 */
export function evaluateFormulaSet(set: Pick<FormulaSetResult, 'formulas' | 'order'>, inputs: KpiValues): Map<string, EvalResult> {
  const values: Record<string, number | null | undefined> = { ...inputs };
  const results = new Map<string, EvalResult>();
  for (const code of set.order) {
    const result = storable(evaluate(set.formulas.get(code)!, values));
    results.set(code, result);
    values[code] = result.ok ? result.value : null;
  }
  return results;
}

/** A result beyond the value range (core/limits.ts) cannot be stored: it has no value, like an infinite one. */
function storable(result: EvalResult): EvalResult {
  if (!result.ok || isValueInRange(result.value)) return result;
  const message = { vi: 'Kết quả vượt quá giới hạn giá trị (±1e+15)', en: 'The result is beyond the value range (±1e+15)' };
  return { ok: false, reason: { code: 'NON_FINITE', message, line: 1, column: 1 } };
}

function kpiRefs(ast: FormulaNode): KpiRefNode[] {
  const found: KpiRefNode[] = [];
  const stack: FormulaNode[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'kpi') found.push(node);
    else if (node.kind === 'unary') stack.push(node.operand);
    else if (node.kind === 'binary') stack.push(node.right, node.left);
    else if (node.kind === 'call') for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]!);
  }
  return found;
}
