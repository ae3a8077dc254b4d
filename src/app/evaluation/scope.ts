import { DomainError } from '../../core/errors';
import type { Actor } from '../actor';
import { forbidden, notFound, policy } from '../policy';
import type { Store, TargetScope } from '../ports';

/** `company`, `unit:12` or `person:7`. */
export function parseScope(text: string | undefined): TargetScope {
  if (text === undefined || text === '' || text === 'company') return { type: 'company', id: null };
  const m = /^(unit|person):(\d{1,9})$/.exec(text);
  if (!m) {
    throw new DomainError(
      'VALIDATION_FAILED',
      { vi: 'Dữ liệu không hợp lệ.', en: 'Invalid data.' },
      {
        issues: [
          {
            path: 'scope',
            code: 'invalid_scope',
            message: { vi: `Phạm vi "${text}" không hợp lệ: dùng company, unit:<id> hoặc person:<id>.`, en: `Invalid scope "${text}": use company, unit:<id> or person:<id>.` },
          },
        ],
      },
    );
  }
  return { type: m[1] as 'unit' | 'person', id: Number(m[2]) };
}

export function scopeKey(scope: TargetScope): string {
  return scope.type === 'company' ? 'company' : `${scope.type}:${scope.id}`;
}

/** Units whose numbers the actor may read: admins all, managers and viewers their subtree, employees their own unit. */
export function readableUnits(actor: Actor): 'all' | ReadonlySet<number> {
  if (actor.unitScope === 'all') return 'all';
  if (actor.user.role === 'employee') return new Set(actor.person ? [actor.person.unitId] : []);
  return actor.unitScope;
}

export function canReadUnit(actor: Actor, unitId: number): boolean {
  const units = readableUnits(actor);
  return units === 'all' || units.has(unitId);
}

/** Company numbers are shared goals everyone sees; unit and person numbers follow the org tree. */
export async function requireReadScope(store: Store, actor: Actor, scope: TargetScope): Promise<void> {
  if (scope.type === 'company') return;
  if (scope.type === 'unit') {
    if (!(await store.units.findById(scope.id))) throw notFound({ vi: 'phòng ban', en: 'Org unit' }, scope.id);
    if (!canReadUnit(actor, scope.id)) throw forbidden();
    return;
  }
  const person = await store.people.findById(scope.id);
  if (!person) throw notFound({ vi: 'nhân sự', en: 'Person' }, scope.id);
  if (!policy.canSeePerson(actor, person) && !canReadUnit(actor, person.unitId)) throw forbidden();
}
