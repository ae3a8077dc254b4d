import { rollupScores, statusOf, type RagStatus } from '../scoring';

export interface UnitLike {
  id: number;
  code: string;
  parentId: number | null;
}

export interface UnitScore {
  /** Equal-weight average of the unit's own KPI scores. */
  score: number | null;
  status: RagStatus;
  /** Equal-weight average of every KPI score in the unit and the units below it. */
  rolledScore: number | null;
  rolledStatus: RagStatus;
  /** KPI scores counted in `rolledScore`. */
  rolledCount: number;
}

/** Units depth-first from the roots, children by code; `depth` 0 for a root. A unit whose parent is missing is a root. */
export function unitTreeOrder<U extends UnitLike>(units: readonly U[]): { unit: U; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, U[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const out: { unit: U; depth: number }[] = [];
  const seen = new Set<number>();
  const visit = (u: U, depth: number) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    out.push({ unit: u, depth });
    for (const c of children.get(u.id) ?? []) visit(c, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return out;
}

/** Scores per unit from its KPI scores (null = no value, left out), and rolled over its subtree. */
export function unitScores(units: readonly UnitLike[], kpiScores: ReadonlyMap<number, readonly (number | null)[]>): Map<number, UnitScore> {
  const ordered = unitTreeOrder(units);
  const known = (unitId: number) => (kpiScores.get(unitId) ?? []).filter((s): s is number => s !== null && Number.isFinite(s));
  const totals = new Map<number, { sum: number; count: number }>();
  // Children come after their parent in tree order: walk backwards to add each subtree into its parent.
  for (const { unit } of ordered) {
    const own = known(unit.id);
    totals.set(unit.id, { sum: own.reduce((a, b) => a + b, 0), count: own.length });
  }
  for (let i = ordered.length - 1; i >= 0; i--) {
    const unit = ordered[i]!.unit;
    const t = totals.get(unit.id)!;
    const parent = unit.parentId === null ? undefined : totals.get(unit.parentId);
    if (parent) {
      parent.sum += t.sum;
      parent.count += t.count;
    }
  }
  const out = new Map<number, UnitScore>();
  for (const { unit } of ordered) {
    const score = rollupScores(known(unit.id).map((s) => ({ weight: 1, score: s }))).score;
    const t = totals.get(unit.id)!;
    const rolledScore = t.count > 0 ? t.sum / t.count : null;
    out.set(unit.id, { score, status: statusOf(score), rolledScore, rolledStatus: statusOf(rolledScore), rolledCount: t.count });
  }
  return out;
}
