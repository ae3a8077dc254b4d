import { subtreeIds } from '../core/org/tree';
import type { Person, Store, User } from './ports';

/** Who is acting, and which org units they may see. */
export interface Actor {
  user: User;
  person: Person | null;
  /** 'all' for admins; the unit subtree for managers and viewers; empty for employees. */
  unitScope: 'all' | ReadonlySet<number>;
}

/** The system itself (CLI, seeding, start-up). */
export const SYSTEM_ACTOR: Actor = {
  user: { id: 0, email: 'system', name: 'Hệ thống', role: 'admin', locale: 'vi', active: true },
  person: null,
  unitScope: 'all',
};

export async function resolveActor(store: Store, user: User): Promise<Actor> {
  const person = await store.people.findByUserId(user.id);
  if (user.role === 'admin') return { user, person, unitScope: 'all' };
  if ((user.role === 'manager' || user.role === 'viewer') && person) {
    return { user, person, unitScope: subtreeIds(await store.units.list(), person.unitId) };
  }
  return { user, person, unitScope: new Set() };
}

export function auditActor(actor: Actor): { actorUserId: number | null; actorName: string } {
  return { actorUserId: actor.user.id === 0 ? null : actor.user.id, actorName: actor.user.name };
}
