import { parse, references, type FormulaNode } from '../../core/formula';

export interface ParsedFormula {
  ast: FormulaNode;
  /** KPI codes the formula uses. */
  refs: string[];
}

/** Formulas are checked when a KPI is saved; here a text that no longer parses just computes nothing. */
const cache = new Map<string, ParsedFormula | null>();
const MAX_CACHED = 5_000;

/**
 * The parsed formula of a computed KPI. Keyed by the formula text itself (the AST depends on nothing else),
 * so an edited formula is parsed again and a cached one can never be stale, whatever KPI or database it is from.
 */
export function parsedFormula(text: string): ParsedFormula | null {
  let parsed = cache.get(text);
  if (parsed === undefined) {
    const result = parse(text, { context: 'kpi' });
    parsed = result.ok ? { ast: result.ast, refs: references(result.ast) } : null;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(text, parsed);
  }
  return parsed;
}
