import type { FormulaNode } from './ast';

/** KPI codes a formula uses, each once, in order of first appearance. */
export function references(ast: FormulaNode): string[] {
  const seen = new Set<string>();
  const stack: FormulaNode[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case 'kpi':
        seen.add(node.code);
        break;
      case 'unary':
        stack.push(node.operand);
        break;
      case 'binary':
        stack.push(node.right, node.left);
        break;
      case 'call':
        for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]!);
        break;
      case 'aggregate':
        if (node.filter) stack.push(node.filter);
        break;
      default:
        break;
    }
  }
  return [...seen];
}

/** Dataset columns a measure uses, each once, in order of first appearance. */
export function columns(ast: FormulaNode): string[] {
  const seen = new Set<string>();
  const stack: FormulaNode[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case 'column':
        seen.add(node.name);
        break;
      case 'unary':
        stack.push(node.operand);
        break;
      case 'binary':
        stack.push(node.right, node.left);
        break;
      case 'call':
        for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]!);
        break;
      case 'aggregate':
        if (node.filter) stack.push(node.filter);
        if (node.column) stack.push(node.column);
        break;
      default:
        break;
    }
  }
  return [...seen];
}
