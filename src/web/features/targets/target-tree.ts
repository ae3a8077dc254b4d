import type { OrgUnitT } from '../../api';
import { buildUnitForest, type UnitNode } from '../org/unit-tree';
import { scopeKeyOf } from './scope-key';
import type { ScopeKey, ScopeRef, TargetRecordT } from './types';

export interface PersonLite {
  id: number;
  fullName: string;
  unitId: number;
}

/** One row of the targets-by-unit table: the company, a unit or a person, with its target for the period. */
export interface TargetRow {
  key: ScopeKey;
  scope: ScopeRef;
  name: string;
  code: string | null;
  /** The unit this row is or belongs to (null for the company). */
  unitId: number | null;
  target: TargetRecordT | null;
  /** Left out for leaves, so the table shows no expander. */
  children?: TargetRow[];
}

export interface TreeInput {
  companyName: string;
  units: readonly OrgUnitT[];
  targets: readonly TargetRecordT[];
  /** People to show under their unit; none when left out. */
  people?: readonly PersonLite[];
}

/** The company row with the units below it as a tree (archived units left out) and, optionally, their people. */
export function buildTargetTree({ companyName, units, targets, people = [] }: TreeInput): TargetRow[] {
  const byKey = new Map(targets.map((t) => [scopeKeyOf(t.scope), t]));
  const peopleOf = new Map<number, PersonLite[]>();
  for (const p of people) peopleOf.set(p.unitId, [...(peopleOf.get(p.unitId) ?? []), p]);
  const withKids = (row: TargetRow, kids: TargetRow[]): TargetRow => (kids.length > 0 ? { ...row, children: kids } : row);

  const unitRow = (n: UnitNode): TargetRow => {
    const key = `unit:${n.unit.id}`;
    const personRows = (peopleOf.get(n.unit.id) ?? [])
      .slice()
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'))
      .map<TargetRow>((p) => ({
        key: `person:${p.id}`,
        scope: { type: 'person', id: p.id },
        name: p.fullName,
        code: null,
        unitId: n.unit.id,
        target: byKey.get(`person:${p.id}`) ?? null,
      }));
    const unitKids = n.children.filter((c) => !c.unit.archived).map(unitRow);
    return withKids(
      { key, scope: { type: 'unit', id: n.unit.id }, name: n.unit.name, code: n.unit.code, unitId: n.unit.id, target: byKey.get(key) ?? null },
      [...unitKids, ...personRows],
    );
  };
  const roots = buildUnitForest(units.filter((u) => !u.archived)).map(unitRow);
  return [withKids({ key: 'company', scope: { type: 'company', id: null }, name: companyName, code: null, unitId: null, target: byKey.get('company') ?? null }, roots)];
}

/**
 * Which target is each target's parent in the sum check, the way the API decides it: the nearest
 * enclosing scope (unit above, then the company) that has a target for the same period.
 * Returns parent key → child keys.
 */
export function targetChildren(targets: readonly TargetRecordT[], units: readonly OrgUnitT[], people: readonly PersonLite[] = []): Map<ScopeKey, ScopeKey[]> {
  const parentOfUnit = new Map(units.map((u) => [u.id, u.parentId]));
  const unitOfPerson = new Map(people.map((p) => [p.id, p.unitId]));
  const has = new Set(targets.map((t) => scopeKeyOf(t.scope)));
  const upFrom = (unitId: number | null | undefined): ScopeKey | null => {
    const seen = new Set<number>();
    for (let u = unitId ?? null; u !== null && !seen.has(u); u = parentOfUnit.get(u) ?? null) {
      seen.add(u);
      if (has.has(`unit:${u}`)) return `unit:${u}`;
    }
    return has.has('company') ? 'company' : null;
  };
  const out = new Map<ScopeKey, ScopeKey[]>();
  for (const t of targets) {
    let parent: ScopeKey | null = null;
    if (t.scope.type === 'unit' && t.scope.id !== null) parent = upFrom(parentOfUnit.get(t.scope.id));
    else if (t.scope.type === 'person' && t.scope.id !== null) {
      if (!unitOfPerson.has(t.scope.id)) continue; // person not loaded: the API's check still covers it
      parent = upFrom(unitOfPerson.get(t.scope.id));
    }
    if (parent !== null) out.set(parent, [...(out.get(parent) ?? []), scopeKeyOf(t.scope)]);
  }
  return out;
}

/**
 * The units a cascade from `fromKey` proposes: the units that already hold its children's targets, else
 * its direct child units. For the company: the top units, or the children of the only top unit (a
 * company whose org chart starts with one unit for itself).
 */
export function defaultCascadeUnits(fromKey: ScopeKey, units: readonly OrgUnitT[], children: ReadonlyMap<ScopeKey, ScopeKey[]>): number[] {
  const live = units.filter((u) => !u.archived);
  const existing = (children.get(fromKey) ?? []).filter((k) => k.startsWith('unit:')).map((k) => Number(k.slice(5)));
  if (existing.length > 0) return existing;
  const childrenOf = (id: number | null) => live.filter((u) => u.parentId === id).map((u) => u.id);
  if (fromKey !== 'company') return childrenOf(Number(fromKey.slice(5)));
  const tops = live.filter((u) => u.parentId === null || !live.some((p) => p.id === u.parentId)).map((u) => u.id);
  return tops.length === 1 ? childrenOf(tops[0] as number) : tops;
}

/** Units a cascade from `fromKey` may target: every unit below it (the whole tree for the company). */
export function cascadeCandidates(fromKey: ScopeKey, units: readonly OrgUnitT[]): OrgUnitT[] {
  const live = units.filter((u) => !u.archived);
  if (fromKey === 'company') return live;
  const root = Number(fromKey.slice(5));
  const below = new Set<number>([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of live) if (u.parentId !== null && below.has(u.parentId) && !below.has(u.id)) grew = below.add(u.id) !== null;
  }
  below.delete(root);
  return live.filter((u) => below.has(u.id));
}
