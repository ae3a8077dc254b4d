import type { TargetNode } from './sum-check';

/** A target of one KPI and period, placed in the org tree: a person's scope lies in the person's unit. */
export interface PlacedTarget {
  key: string;
  type: 'company' | 'unit' | 'person';
  /** The unit (for a unit scope) or the person's unit (for a person scope); null for the company. */
  unitId: number | null;
  value: number;
}

/**
 * The cascade tree of one KPI and period for the sum check: each target hangs under the nearest enclosing
 * scope that has a target for the same period (a unit's parent units, then the company; a person's unit,
 * its parents, then the company).
 */
export function sumCheckTree(targets: readonly PlacedTarget[], parentOfUnit: ReadonlyMap<number, number | null>): TargetNode<string>[] {
  const has = new Set(targets.map((t) => t.key));
  const upFromUnit = (unitId: number | null): string | null => {
    for (let u = unitId; u !== null && u !== undefined; u = parentOfUnit.get(u) ?? null) if (has.has(`unit:${u}`)) return `unit:${u}`;
    return has.has('company') ? 'company' : null;
  };
  return targets.map((t) => {
    let parentId: string | null = null;
    if (t.type === 'unit') parentId = upFromUnit(parentOfUnit.get(t.unitId!) ?? null);
    if (t.type === 'person') parentId = upFromUnit(t.unitId);
    return { id: t.key, parentId, target: t.value };
  });
}
