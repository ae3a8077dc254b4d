import type { OrgUnitT } from '../../api';
import type { RecipientGroups } from './cascade-recipients';
import { companyRootUnit } from './target-tree';
import type { ScopeKey } from './types';

/** Why the cascade dialog proposes the recipients it does (the dialog says it in words). */
export type RecipientReason =
  /** The units or people already holding parts of this target. */
  | 'existing'
  /** The units with actuals of the KPI last year: they are the ones producing the number. */
  | 'lastYear'
  /** The unit of the KPI's owner, below the source. */
  | 'owner'
  /** The direct child units of the source unit, which holds the KPI's target. */
  | 'children'
  /** Nothing to go by: the user picks. */
  | 'none';

export interface ProposedRecipients {
  keys: ScopeKey[];
  reason: RecipientReason;
}

/** What the dialog knows of the KPI to propose recipients. */
export interface KpiWhereabouts {
  /** The unit of the KPI's owner (the KPI detail's `ownerUnitId`). */
  ownerUnitId: number | null;
  /** Units with an actual of the KPI in the year before the cascaded period. */
  unitsWithLastYearActuals: readonly number[];
}

/** The units of `ids` that have no ancestor in `ids` (so no target is given twice, to a unit and to its part). */
function topmost(ids: readonly number[], units: readonly OrgUnitT[]): number[] {
  const set = new Set(ids);
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const hasAncestorIn = (id: number) => {
    const seen = new Set<number>([id]);
    for (let p = parentOf.get(id) ?? null; p !== null && !seen.has(p); p = parentOf.get(p) ?? null) {
      if (set.has(p)) return true;
      seen.add(p);
    }
    return false;
  };
  return ids.filter((id) => !hasAncestorIn(id));
}

/**
 * The recipients a cascade from `fromKey` proposes, first rule that gives any:
 * 1. those already holding parts of this target;
 * 2. the units (below the source) with actuals of the KPI last year — the topmost of them;
 * 3. the unit of the KPI's owner when it lies below the source — but not when the owner sits in the unit
 *    that stands for the company (that tells nothing about who shares the target);
 * 4. from a unit: its direct child units;
 * 5. nothing: the user picks.
 * Only recipients the dialog offers and the user may target (not disabled) are proposed, in offer order.
 */
export function defaultRecipients(
  fromKey: ScopeKey,
  units: readonly OrgUnitT[],
  children: ReadonlyMap<ScopeKey, ScopeKey[]>,
  groups: RecipientGroups,
  kpi: KpiWhereabouts,
): ProposedRecipients {
  const offered = [...groups.units, ...groups.people].filter((r) => !r.disabled).map((r) => r.key);
  const offeredSet = new Set(offered);
  const inOfferOrder = (keys: Iterable<ScopeKey>) => {
    const wanted = new Set(keys);
    return offered.filter((k) => wanted.has(k));
  };
  const unitKeys = (ids: readonly number[]) => ids.map((id) => `unit:${id}`).filter((k) => offeredSet.has(k));

  const existing = inOfferOrder(children.get(fromKey) ?? []);
  if (existing.length > 0) return { keys: existing, reason: 'existing' };

  const withActuals = inOfferOrder(unitKeys(topmost(kpi.unitsWithLastYearActuals.filter((id) => offeredSet.has(`unit:${id}`)), units)));
  if (withActuals.length > 0) return { keys: withActuals, reason: 'lastYear' };

  const owner = kpi.ownerUnitId;
  if (owner !== null && owner !== companyRootUnit(units)?.id && offeredSet.has(`unit:${owner}`)) return { keys: [`unit:${owner}`], reason: 'owner' };

  if (fromKey !== 'company') {
    const from = Number(fromKey.slice(5));
    const childIds = units.filter((u) => !u.archived && u.parentId === from).map((u) => u.id);
    const kids = inOfferOrder(unitKeys(childIds));
    if (kids.length > 0) return { keys: kids, reason: 'children' };
  }
  return { keys: [], reason: 'none' };
}
