import { DomainError, issue } from '../core/errors';
import { notFound } from './policy';
import type { Person, Store, TargetScope } from './ports';

/** A scope as clients send it in a body; no id (or type company) means the company. */
export interface ScopeInput {
  type: TargetScope['type'];
  id?: number | null | undefined;
}

/** A scope as stored; unit and person scopes need an id, the company scope has none. Undefined means company. */
export function toScope(input: ScopeInput | undefined, path = 'scope'): TargetScope {
  if (!input || input.type === 'company') return { type: 'company', id: null };
  if (input.id == null) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Phạm vi không hợp lệ.', en: 'Invalid scope.' }, {
      issues: [issue(`${path}.id`, 'required', 'Phạm vi phòng ban hoặc nhân sự cần có id.', 'A unit or person scope needs an id.')],
    });
  }
  return { type: input.type, id: input.id };
}

/** `company`, `unit:12` or `person:34` (query strings); empty means company. */
export function parseScope(text: string | undefined): TargetScope {
  if (text === undefined || text === '' || text === 'company') return { type: 'company', id: null };
  const m = /^(unit|person):(\d{1,9})$/.exec(text);
  if (!m) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Phạm vi không hợp lệ.', en: 'Invalid scope.' }, {
      issues: [
        issue('scope', 'invalid_scope', `Phạm vi "${text}" không hợp lệ: dùng company, unit:<id> hoặc person:<id>.`, `Invalid scope "${text}": use company, unit:<id> or person:<id>.`),
      ],
    });
  }
  return { type: m[1] as 'unit' | 'person', id: Number(m[2]) };
}

export function scopeKey(scope: TargetScope): string {
  return scope.type === 'company' ? 'company' : `${scope.type}:${scope.id}`;
}

export const sameScope = (a: TargetScope, b: TargetScope) => a.type === b.type && a.id === b.id;

/** A scope with what permission checks need: the unit it lies in and, for a person scope, the person. */
export interface ScopeTarget {
  scope: TargetScope;
  unitId: number | null;
  person: Person | null;
}

/**
 * The scope targets of many stored scopes with two queries (units, and the people named), for listings.
 * Scopes whose unit or person no longer exists are left out.
 */
export async function resolveScopes(store: Store, scopes: TargetScope[]): Promise<Map<string, ScopeTarget>> {
  const personIds = [...new Set(scopes.flatMap((s) => (s.type === 'person' ? [s.id] : [])))];
  const [units, people] = await Promise.all([
    store.units.list(),
    personIds.length ? store.people.query({ personIds, limit: personIds.length, offset: 0 }) : { items: [] },
  ]);
  const unitIds = new Set(units.map((u) => u.id));
  const personById = new Map(people.items.map((p) => [p.id, p]));
  const out = new Map<string, ScopeTarget>();
  for (const scope of scopes) {
    if (scope.type === 'company') out.set(scopeKey(scope), { scope, unitId: null, person: null });
    else if (scope.type === 'unit' && unitIds.has(scope.id)) out.set(scopeKey(scope), { scope, unitId: scope.id, person: null });
    else if (scope.type === 'person' && personById.has(scope.id)) {
      const person = personById.get(scope.id)!;
      out.set(scopeKey(scope), { scope, unitId: person.unitId, person });
    }
  }
  return out;
}

/** Looks up the unit or person of a scope; 404 when it does not exist. */
export async function resolveScope(store: Store, scope: TargetScope): Promise<ScopeTarget> {
  if (scope.type === 'company') return { scope, unitId: null, person: null };
  if (scope.type === 'unit') {
    const unit = await store.units.findById(scope.id);
    if (!unit) throw notFound({ vi: 'phòng ban', en: 'Org unit' }, scope.id);
    return { scope, unitId: unit.id, person: null };
  }
  const person = await store.people.findById(scope.id);
  if (!person) throw notFound({ vi: 'nhân sự', en: 'Person' }, scope.id);
  return { scope, unitId: person.unitId, person };
}
