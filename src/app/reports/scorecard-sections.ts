import type { Lang } from '../../core/errors';
import type { ScorecardSection } from '../../core/reports/scorecard-pdf';
import type { Scorecard } from '../evaluation';
import type { OrgUnit, Store, TargetScope } from '../ports';

/** The units of a unit tree in reading order: the unit, then each child with its own subtree (archived ones left out). */
export function unitTreeOrder(units: readonly OrgUnit[], rootId: number | null): OrgUnit[] {
  const live = units.filter((u) => !u.archived);
  const children = (parentId: number | null) => live.filter((u) => u.parentId === parentId).sort((a, b) => a.code.localeCompare(b.code));
  const walk = (u: OrgUnit): OrgUnit[] => [u, ...children(u.id).flatMap(walk)];
  if (rootId === null) return children(null).flatMap(walk);
  const root = live.find((u) => u.id === rootId);
  return root ? walk(root) : [];
}

/** A scope as a reader names it: the company's name, a unit's name and code, a person's name and e-mail. */
export async function scopeLabel(store: Store, scope: TargetScope, companyName: string): Promise<string> {
  if (scope.type === 'company') return companyName;
  if (scope.type === 'unit') {
    const u = await store.units.findById(scope.id!);
    return u ? `${u.name} (${u.code})` : `unit:${scope.id}`;
  }
  const p = await store.people.findById(scope.id!);
  return p ? `${p.fullName}${p.email ? ` (${p.email})` : ''}` : `person:${scope.id}`;
}

export function sectionOf(title: string, card: Scorecard, lang: Lang): ScorecardSection {
  return {
    title,
    score: card.score,
    status: card.status,
    items: card.items.map((k) => ({
      code: k.code,
      name: lang === 'en' && k.nameEn ? k.nameEn : k.name,
      unit: k.unit,
      target: k.target,
      actual: k.actual,
      achievement: k.achievement,
      score: k.score,
      status: k.status,
    })),
  };
}
