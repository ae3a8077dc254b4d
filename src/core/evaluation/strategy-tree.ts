import type { KpiTreeRollup } from './rollup-tree';

export interface StrategyNode {
  code: string;
  /** Weight of the link to the parent node; null for a root. */
  weight: number | null;
  children: StrategyNode[];
}

/**
 * The KPI tree from the roots down (strategic → tactical → operational). A KPI with several parents
 * appears under each of them; a link that would loop back into its own path is not followed.
 */
export function strategyTree(rollup: Pick<KpiTreeRollup, 'roots' | 'childrenOf'>): StrategyNode[] {
  const build = (code: string, weight: number | null, path: ReadonlySet<string>): StrategyNode => {
    const inner = new Set(path).add(code);
    const children = (rollup.childrenOf.get(code) ?? []).filter((c) => !inner.has(c.code)).map((c) => build(c.code, c.weight, inner));
    return { code, weight, children };
  };
  return rollup.roots.map((code) => build(code, null, new Set()));
}
