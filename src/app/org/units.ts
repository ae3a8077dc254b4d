import { DomainError } from '../../core/errors';
import { moveCreatesCycle } from '../../core/org/tree';
import { auditActor, type Actor } from '../actor';
import { notFound, policy, unitTarget } from '../policy';
import type { OrgUnit, Store } from '../ports';

const UNIT = { vi: 'phòng ban', en: 'Org unit' };

export async function listUnits(store: Store, actor: Actor): Promise<(OrgUnit & { inScope: boolean })[]> {
  policy.requireAtAll(actor, 'unit.read');
  // The structure of the company is visible to everyone; what is inside a unit is scoped.
  return (await store.units.list()).map((u) => ({ ...u, inScope: policy.can(actor, 'person.read', unitTarget(u.id)) }));
}

async function requireParent(store: Store, parentId: number | null): Promise<void> {
  if (parentId === null) return;
  const parent = await store.units.findById(parentId);
  if (!parent) {
    throw new DomainError(
      'UNIT_NOT_FOUND',
      { vi: `Phòng ban cha #${parentId} không tồn tại.`, en: `Parent unit #${parentId} does not exist.` },
      { issues: [{ path: 'parentId', code: 'not_found', message: { vi: 'Không tồn tại.', en: 'Does not exist.' } }] },
    );
  }
  if (parent.archived) {
    throw new DomainError('UNIT_ARCHIVED', {
      vi: `Phòng ban "${parent.name}" đã lưu trữ, không thể thêm đơn vị con.`,
      en: `Unit "${parent.name}" is archived; it cannot get new children.`,
    });
  }
}

export async function createUnit(
  store: Store,
  actor: Actor,
  input: { code: string; name: string; parentId: number | null },
): Promise<OrgUnit> {
  policy.require(actor, 'unit.manage', unitTarget(input.parentId));
  return store.transaction(async (tx) => {
    await requireParent(tx, input.parentId);
    if (await tx.units.findByCode(input.code)) {
      throw new DomainError(
        'UNIT_CODE_TAKEN',
        { vi: `Mã phòng ban "${input.code}" đã tồn tại.`, en: `Unit code "${input.code}" is already used.` },
        { issues: [{ path: 'code', code: 'taken', message: { vi: 'Mã đã tồn tại.', en: 'Code already used.' } }] },
      );
    }
    const unit = await tx.units.create(input);
    await tx.audit.record([{ ...auditActor(actor), action: 'create', entity: 'org_unit', entityId: String(unit.id), before: null, after: unit }]);
    return unit;
  });
}

/** Rename, move or archive. Units with history are never deleted. */
export async function updateUnit(
  store: Store,
  actor: Actor,
  id: number,
  patch: { name?: string | undefined; parentId?: number | null | undefined; archived?: boolean | undefined },
): Promise<OrgUnit> {
  return store.transaction(async (tx) => {
    const before = await tx.units.findById(id);
    if (!before) throw notFound(UNIT, id);
    policy.require(actor, 'unit.manage', unitTarget(id));
    if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
      policy.require(actor, 'unit.manage', unitTarget(patch.parentId));
      await requireParent(tx, patch.parentId);
      const all = await tx.units.list();
      const cycle = moveCreatesCycle(all, id, patch.parentId);
      if (cycle) {
        const names = new Map(all.map((u) => [u.id, u.name]));
        const path = cycle.map((c) => names.get(c) ?? `#${c}`).join(' → ');
        throw new DomainError(
          'ORG_CYCLE',
          {
            vi: `Không thể chuyển: sơ đồ tổ chức sẽ bị vòng lặp (${path}).`,
            en: `Cannot move: the org chart would contain a cycle (${path}).`,
          },
          { params: { path: cycle }, issues: [{ path: 'parentId', code: 'cycle', message: { vi: path, en: path } }] },
        );
      }
    }
    if (patch.archived === true && !before.archived) {
      const active = (await tx.units.list()).filter((u) => u.parentId === id && !u.archived);
      if (active.length > 0) {
        throw new DomainError('UNIT_HAS_CHILDREN', {
          vi: `Hãy lưu trữ hoặc chuyển ${active.length} đơn vị con trước khi lưu trữ "${before.name}".`,
          en: `Archive or move the ${active.length} child unit(s) before archiving "${before.name}".`,
        });
      }
    }
    const after = await tx.units.update(id, patch);
    const action = patch.archived === true ? 'archive' : 'update';
    await tx.audit.record([{ ...auditActor(actor), action, entity: 'org_unit', entityId: String(id), before, after }]);
    return after;
  });
}
