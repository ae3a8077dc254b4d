import { hashPassword } from '../passwords';
import type { Store } from '../ports';
import { DEMO_COMPANY, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_POSITIONS, DEMO_UNITS } from './demo-data';

export interface DemoLogin {
  email: string;
  role: string;
  name: string;
}

/** True when the database has no company yet (a first start). */
export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.company.get()) === null;
}

/** Loads the demo company in one transaction and returns its logins (password: DEMO_PASSWORD). */
export async function seedDemo(store: Store): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return store.transaction(async (tx) => {
    await tx.company.save(DEMO_COMPANY);
    const unitId = new Map<string, number>();
    for (const u of DEMO_UNITS) {
      const created = await tx.units.create({ code: u.code, name: u.name, parentId: u.parent ? unitId.get(u.parent)! : null });
      unitId.set(u.code, created.id);
    }
    const positionId = new Map<string, number>();
    for (const pos of DEMO_POSITIONS) positionId.set(pos.code, (await tx.positions.create(pos)).id);

    const personId = new Map<string, number>();
    const logins: DemoLogin[] = [];
    for (const d of DEMO_PEOPLE) {
      const userId = d.login
        ? (await tx.users.create({ email: d.email, name: d.name, passwordHash, role: d.login, locale: 'vi' })).id
        : null;
      if (d.login) logins.push({ email: d.email, role: d.login, name: d.name });
      const person = await tx.people.create({
        fullName: d.name,
        email: d.email,
        unitId: unitId.get(d.unit)!,
        positionId: positionId.get(d.position)!,
        managerId: d.manager ? personId.get(d.manager)! : null,
        userId,
      });
      personId.set(d.email, person.id);
    }
    await tx.audit.record([
      { actorUserId: null, actorName: 'Hệ thống', action: 'create', entity: 'demo', entityId: 'minhan', before: null, after: { people: DEMO_PEOPLE.length } },
    ]);
    return logins;
  });
}
