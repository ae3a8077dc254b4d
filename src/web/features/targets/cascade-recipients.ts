import type { OrgUnitT } from '../../api';
import { cascadeCandidates } from './target-tree';
import { scopeFromKey } from './scope-key';
import type { ScopeKey, ScopeRef } from './types';
import { compareVietnameseNames } from '../../../core/people/sort-names';

/** A person a cascade may give a part to (the fields of the people list it needs). */
export interface PersonOption {
  id: number;
  fullName: string;
  unitId: number;
  active: boolean;
}

/** One unit or person that may receive a part of the cascaded target. */
export interface Recipient {
  key: ScopeKey;
  scope: ScopeRef;
  /** "Name (CODE)" for a unit, the full name for a person. */
  label: string;
  disabled: boolean;
}

export interface RecipientGroups {
  units: Recipient[];
  people: Recipient[];
}

/**
 * Who a cascade from `fromKey` may target: every unit below it, and — from a unit, never from the
 * company — the active people whose unit is that unit, by name in Vietnamese order.
 */
export function cascadeRecipients(fromKey: ScopeKey, units: readonly OrgUnitT[], people: readonly PersonOption[]): RecipientGroups {
  const unitRecipients = cascadeCandidates(fromKey, units).map<Recipient>((u) => ({
    key: `unit:${u.id}`,
    scope: { type: 'unit', id: u.id },
    label: `${u.name} (${u.code})`,
    disabled: !u.inScope,
  }));
  const from = scopeFromKey(fromKey);
  const personRecipients =
    from.type !== 'unit'
      ? []
      : people
          .filter((p) => p.active && p.unitId === from.id)
          .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
          .map<Recipient>((p) => ({ key: `person:${p.id}`, scope: { type: 'person', id: p.id }, label: p.fullName, disabled: false }));
  return { units: unitRecipients, people: personRecipients };
}

type Option = { value: ScopeKey; label: string; disabled: boolean };
export type RecipientOptions = Option[] | { label: string; options: Option[] }[];

/** Select options: a flat unit list when there are no people to offer, else one group for units and one for people (empty groups left out). */
export function recipientOptions(groups: RecipientGroups, labels: { units: string; people: string }): RecipientOptions {
  const toOption = (r: Recipient): Option => ({ value: r.key, label: r.label, disabled: r.disabled });
  if (groups.people.length === 0) return groups.units.map(toOption);
  return [
    { label: labels.units, options: groups.units.map(toOption) },
    { label: labels.people, options: groups.people.map(toOption) },
  ].filter((g) => g.options.length > 0);
}
