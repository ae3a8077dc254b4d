import { rollupScores, type RagStatus } from '../scoring';
import { statusOfScore } from './score';
import type { EvalKpi } from './types';

export interface RolledKpi {
  /** Weighted average of the children's scores (each child's own score, else its rolled score); a KPI without children keeps its own score. */
  rolledScore: number | null;
  rolledStatus: RagStatus;
  /** Children linked to this KPI, and how many of them had no score (left out of the average). */
  children: number;
  missingChildren: number;
}

export interface KpiTreeRollup {
  byCode: Map<string, RolledKpi>;
  /** KPIs none of whose parents are in the set, in level order (strategic first) then code. */
  roots: string[];
  /** Children of each KPI with the link weight, in level then code order. */
  childrenOf: Map<string, { code: string; weight: number }[]>;
  /** Equal-weight average of the roots' scores (own score, else rolled). */
  companyScore: number | null;
  companyStatus: RagStatus;
}

const LEVEL_ORDER = { strategic: 0, tactical: 1, operational: 2 } as const;

/**
 * Roll scores up the KPI tree by the weights on the parent links (trọng số). A child with several parents
 * counts under each. Children without a score are left out (their weight does not count).
 */
export function rollUpKpiTree(kpis: readonly EvalKpi[], scores: ReadonlyMap<string, number | null>): KpiTreeRollup {
  const byCodeKpi = new Map(kpis.map((k) => [k.code, k] as const));
  const order = (a: string, b: string) => {
    const ka = byCodeKpi.get(a)!;
    const kb = byCodeKpi.get(b)!;
    return LEVEL_ORDER[ka.level] - LEVEL_ORDER[kb.level] || (a < b ? -1 : a > b ? 1 : 0);
  };
  const childrenOf = new Map<string, { code: string; weight: number }[]>();
  for (const k of kpis) {
    for (const p of k.parents) {
      if (!byCodeKpi.has(p.code)) continue;
      childrenOf.set(p.code, [...(childrenOf.get(p.code) ?? []), { code: k.code, weight: p.weight }]);
    }
  }
  for (const list of childrenOf.values()) list.sort((a, b) => order(a.code, b.code));

  const byCode = new Map<string, RolledKpi>();
  const visiting = new Set<string>();
  const effective = (code: string): number | null => scores.get(code) ?? rolled(code).rolledScore;
  function rolled(code: string): RolledKpi {
    const done = byCode.get(code);
    if (done) return done;
    const children = childrenOf.get(code) ?? [];
    if (children.length === 0 || visiting.has(code)) {
      const own = scores.get(code) ?? null;
      return { rolledScore: own, rolledStatus: statusOfScore(byCodeKpi.get(code), own), children: 0, missingChildren: 0 };
    }
    visiting.add(code);
    const result = rollupScores(children.map((c) => ({ weight: c.weight, score: effective(c.code) })));
    visiting.delete(code);
    const out: RolledKpi = {
      rolledScore: result.score,
      rolledStatus: statusOfScore(byCodeKpi.get(code), result.score),
      children: children.length,
      missingChildren: result.missing,
    };
    byCode.set(code, out);
    return out;
  }
  for (const k of kpis) byCode.set(k.code, rolled(k.code));

  const roots = kpis.filter((k) => !k.parents.some((p) => byCodeKpi.has(p.code))).map((k) => k.code).sort(order);
  const company = rollupScores(roots.map((code) => ({ weight: 1, score: effective(code) })));
  return { byCode, roots, childrenOf, companyScore: company.score, companyStatus: statusOfScore(undefined, company.score) };
}
