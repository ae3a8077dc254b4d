import type { FormulaNode } from './ast';

/** The direct sub-expressions of a node, left to right. */
function childrenOf(node: FormulaNode): FormulaNode[] {
  switch (node.kind) {
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'call':
      return node.args;
    case 'aggregate':
      return [node.column, node.filter].filter((n): n is NonNullable<typeof n> => n !== null);
    default:
      return [];
  }
}

/** Names picked from the nodes of a formula, each once, in order of first appearance (depth first). */
function collect(ast: FormulaNode, pick: (node: FormulaNode) => string | null): string[] {
  const seen = new Set<string>();
  const stack: FormulaNode[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const name = pick(node);
    if (name !== null) seen.add(name);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return [...seen];
}

/** KPI codes a formula uses, each once, in order of first appearance. */
export function references(ast: FormulaNode): string[] {
  return collect(ast, (node) => (node.kind === 'kpi' ? node.code : null));
}

/** Dataset columns a measure uses, each once, in order of first appearance. */
export function columns(ast: FormulaNode): string[] {
  return collect(ast, (node) => (node.kind === 'column' ? node.name : null));
}
