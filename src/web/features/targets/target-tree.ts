import type { OrgUnitT } from '../../api';
import { buildUnitForest, descendantIds, type UnitNode } from '../org/unit-tree';
import { scopeKeyOf } from './scope-key';
import type { ScopeKey, ScopeRef, TargetRecordT } from './types';
import { compareVietnameseNames } from '../../../core/people/sort-names';

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
  /** The org chart's only top unit, shown as its own row because it holds a target of its own (see `companyRootUnit`). */
  rootUnit?: true;
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

/**
 * The org unit that stands for the company: the only live top unit of the chart (Minh An's "MA"), or
 * null when there are several top units or none.
 */
export function companyRootUnit(units: readonly OrgUnitT[]): OrgUnitT | null {
  const live = units.filter((u) => !u.archived);
  const tops = live.filter((u) => u.parentId === null || !live.some((p) => p.id === u.parentId));
  return tops.length === 1 ? (tops[0] ?? null) : null;
}

/**
 * One top row for the company, the units below it as a tree (archived units left out) and, optionally,
 * their people. When the chart has a single top unit (`companyRootUnit`) without a target of its own,
 * that unit is folded into the company row (which takes its code); its child units and people hang
 * under the company. A top unit that does hold a target stays a row of its own under the company, marked
 * `rootUnit`, so no target is hidden.
 */
export function buildTargetTree({ companyName, units, targets, people = [] }: TreeInput): TargetRow[] {
  const byKey = new Map(targets.map((t) => [scopeKeyOf(t.scope), t]));
  const peopleOf = new Map<number, PersonLite[]>();
  for (const p of people) peopleOf.set(p.unitId, [...(peopleOf.get(p.unitId) ?? []), p]);
  const withKids = (row: TargetRow, kids: TargetRow[]): TargetRow => (kids.length > 0 ? { ...row, children: kids } : row);
  const personRows = (unitId: number): TargetRow[] =>
    (peopleOf.get(unitId) ?? [])
      .slice()
      .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
      .map<TargetRow>((p) => ({ key: `person:${p.id}`, scope: { type: 'person', id: p.id }, name: p.fullName, code: null, unitId, target: byKey.get(`person:${p.id}`) ?? null }));
  const unitKids = (n: UnitNode): TargetRow[] => [...n.children.filter((c) => !c.unit.archived).map(unitRow), ...personRows(n.unit.id)];
  function unitRow(n: UnitNode): TargetRow {
    const key = `unit:${n.unit.id}`;
    return withKids({ key, scope: { type: 'unit', id: n.unit.id }, name: n.unit.name, code: n.unit.code, unitId: n.unit.id, target: byKey.get(key) ?? null }, unitKids(n));
  }

  const forest = buildUnitForest(units.filter((u) => !u.archived));
  const root = companyRootUnit(units);
  const company: TargetRow = { key: 'company', scope: { type: 'company', id: null }, name: companyName, code: null, unitId: null, target: byKey.get('company') ?? null };
  const only = forest[0];
  if (root && only && !byKey.has(`unit:${root.id}`)) return [withKids({ ...company, code: root.code }, unitKids(only))];
  const tops = forest.map(unitRow).map((r) => (root && r.unitId === root.id ? { ...r, rootUnit: true as const } : r));
  return [withKids(company, tops)];
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
 * Units a cascade from `fromKey` may target: every live unit below it. From the company that is the whole
 * chart except the unit that stands for the company (`companyRootUnit`): it is the company itself.
 */
export function cascadeCandidates(fromKey: ScopeKey, units: readonly OrgUnitT[]): OrgUnitT[] {
  const live = units.filter((u) => !u.archived);
  if (fromKey === 'company') {
    const root = companyRootUnit(units);
    return live.filter((u) => u.id !== root?.id);
  }
  const from = Number(fromKey.slice(5));
  const below = descendantIds(live, from);
  below.delete(from);
  return live.filter((u) => below.has(u.id));
}
