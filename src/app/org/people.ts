import { DomainError, issue } from '../../core/errors';
import { subtreeIds } from '../../core/org/tree';
import { auditActor, type Actor } from '../actor';
import { COMPANY, notFound, personTarget, policy, unitTarget } from '../policy';
import { lastAdmin } from '../auth/manage-users';
import type { Person, PersonView, Store } from '../ports';

const PERSON = { vi: 'nhân sự', en: 'Person' };

export interface PersonInput {
  fullName: string;
  email: string | null;
  unitId: number;
  positionId: number | null;
  managerId: number | null;
}

export async function listPeople(
  store: Store,
  actor: Actor,
  q: { unitId?: number | undefined; search?: string | undefined; limit: number; offset: number },
): Promise<{ items: PersonView[]; total: number }> {
  policy.requireAtAll(actor, 'person.read');
  const everyone = policy.can(actor, 'person.read', COMPANY);
  const subtree = !everyone && actor.person !== null && policy.can(actor, 'person.read', unitTarget(actor.person.unitId));
  if (!everyone && !subtree) {
    // Those who may read only themselves see themselves; asking for another unit is refused, not silently emptied.
    if (q.unitId !== undefined && q.unitId !== actor.person?.unitId) throw forbiddenUnit();
    return store.people.query({ ...q, unitIds: undefined, personIds: actor.person ? [actor.person.id] : [] });
  }
  let unitIds = policy.visibleUnitIds(actor);
  if (q.unitId !== undefined) {
    if (!policy.can(actor, 'person.read', unitTarget(q.unitId))) throw forbiddenUnit();
    unitIds = [...subtreeIds(await store.units.list(), q.unitId)];
  }
  return store.people.query({ ...q, unitIds });
}

function forbiddenUnit(): DomainError {
  return new DomainError('FORBIDDEN', {
    vi: 'Bạn không có quyền xem nhân sự của phòng ban này.',
    en: 'You may not see the people of this unit.',
  });
}

export async function getPerson(store: Store, actor: Actor, id: number): Promise<Person> {
  const person = await store.people.findById(id);
  if (!person) throw notFound(PERSON, id);
  policy.require(actor, 'person.read', personTarget(person));
  return person;
}

/** Checks references (unit, position, manager, email) and reports every bad field at once. */
async function checkPersonInput(store: Store, input: PersonInput, selfId: number | null): Promise<void> {
  const issues = [];
  const unit = await store.units.findById(input.unitId);
  if (!unit) issues.push(issue('unitId', 'not_found', `Phòng ban #${input.unitId} không tồn tại.`, `Unit #${input.unitId} does not exist.`));
  else if (unit.archived) issues.push(issue('unitId', 'archived', `Phòng ban "${unit.name}" đã lưu trữ.`, `Unit "${unit.name}" is archived.`));
  if (input.positionId !== null && !(await store.positions.findById(input.positionId))) {
    issues.push(issue('positionId', 'not_found', `Chức danh #${input.positionId} không tồn tại.`, `Position #${input.positionId} does not exist.`));
  }
  if (input.managerId !== null) {
    if (input.managerId === selfId) {
      issues.push(issue('managerId', 'self_manager', 'Một người không thể tự quản lý mình.', 'A person cannot manage themselves.'));
    } else if (!(await store.people.findById(input.managerId))) {
      issues.push(issue('managerId', 'not_found', `Người quản lý #${input.managerId} không tồn tại.`, `Manager #${input.managerId} does not exist.`));
    } else if (selfId !== null && managerLoop(await store.people.managerLinks(), selfId, input.managerId)) {
      issues.push(issue('managerId', 'cycle', 'Quan hệ quản lý sẽ bị vòng lặp.', 'The manager links would form a cycle.'));
    }
  }
  if (input.email) {
    const [same] = await store.people.findByEmails([input.email]);
    if (same && same.id !== selfId) issues.push(issue('email', 'taken', `Email ${input.email} đã được dùng.`, `Email ${input.email} is already used.`));
  }
  if (issues.length > 0) {
    const notFoundOnly = issues.every((i) => i.code === 'not_found');
    throw new DomainError(
      notFoundOnly ? 'REFERENCE_NOT_FOUND' : 'VALIDATION_FAILED',
      { vi: 'Dữ liệu nhân sự không hợp lệ.', en: 'Invalid person data.' },
      { issues },
    );
  }
}

function managerLoop(links: { id: number; managerId: number | null }[], selfId: number, managerId: number): boolean {
  const managerOf = new Map(links.map((l) => [l.id, l.managerId]));
  let cursor: number | null | undefined = managerId;
  for (let steps = 0; cursor != null && steps <= links.length; steps++) {
    if (cursor === selfId) return true;
    cursor = managerOf.get(cursor);
  }
  return false;
}

/** The manager chosen for someone must be a person the actor manages too (or themselves). */
async function requireManageManager(store: Store, actor: Actor, managerId: number | null): Promise<void> {
  const manager = managerId === null ? null : await store.people.findById(managerId);
  if (manager) policy.require(actor, 'person.manage', personTarget(manager));
}

export async function createPerson(store: Store, actor: Actor, input: PersonInput): Promise<Person> {
  policy.require(actor, 'person.manage', unitTarget(input.unitId));
  return store.transaction(async (tx) => {
    await requireManageManager(tx, actor, input.managerId);
    await checkPersonInput(tx, input, null);
    const person = await tx.people.create({ ...input, userId: null });
    await tx.audit.record([{ ...auditActor(actor), action: 'create', entity: 'person', entityId: String(person.id), before: null, after: person }]);
    return person;
  });
}

export async function updatePerson(
  store: Store,
  actor: Actor,
  id: number,
  patch: Partial<PersonInput> & { active?: boolean | undefined },
): Promise<Person> {
  return store.transaction(async (tx) => {
    const before = await tx.people.findById(id);
    if (!before) throw notFound(PERSON, id);
    policy.require(actor, 'person.manage', personTarget(before));
    const next = { ...before, ...stripUndefined(patch) };
    if (next.unitId !== before.unitId) policy.require(actor, 'person.manage', unitTarget(next.unitId));
    if (next.managerId !== before.managerId) await requireManageManager(tx, actor, next.managerId);
    await checkPersonInput(tx, next, id);
    const after = await tx.people.update(id, stripUndefined(patch));
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'person', entityId: String(id), before, after }]);
    if (before.active && !after.active && after.userId !== null) await lockLeaversLogin(tx, actor, after.userId);
    return after;
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A person who leaves cannot sign in any more: their login is locked and its sessions end. An admin's login is
 * locked only by an admin (a manager may not lock out an admin through the org chart), and never the last one.
 */
async function lockLeaversLogin(tx: Store, actor: Actor, userId: number): Promise<void> {
  const user = await tx.users.findById(userId);
  if (!user || !user.active) return;
  if (user.role === 'admin') {
    policy.require(actor, 'user.manage', COMPANY);
    const admins = await tx.users.lockActiveAdmins();
    if (admins.filter((a) => a !== userId).length === 0) throw lastAdmin();
  }
  await tx.users.update(userId, { active: false });
  await tx.sessions.deleteForUser(userId, null);
  await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'user', entityId: String(userId), before: { active: true }, after: { active: false } }]);
}
