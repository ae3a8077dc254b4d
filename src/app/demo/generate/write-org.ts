import { sql, type Kysely } from 'kysely';
import { vietnameseNameSortKey } from '../../../core/people/sort-names';
import { copyInto, CopyRows } from '../../../db/copy';
import type { OrgPlan } from './org-plan';

/**
 * Positions, units, accounts and people of the plan by COPY (ids as planned), then each identity moved past
 * the ids used so rows the app adds later get new ones. Every account shares one password hash.
 */
export async function writeOrg(db: Kysely<unknown>, plan: OrgPlan, passwordHash: string): Promise<void> {
  const positions = new CopyRows();
  for (const p of plan.positions) positions.ascii(p.id).ascii(p.code).text(p.name).endRow();
  await copyInto(db, 'positions', ['id', 'code', 'name'], positions);

  const units = new CopyRows();
  for (const u of plan.units) units.ascii(u.id).ascii(u.code).text(u.name).ascii(u.parentId).endRow();
  await copyInto(db, 'org_units', ['id', 'code', 'name', 'parent_id'], units);

  const users = new CopyRows();
  for (const p of plan.people) users.ascii(p.id).ascii(p.email).text(p.fullName).ascii(passwordHash).ascii(p.role).ascii('vi').endRow();
  await copyInto(db, 'users', ['id', 'email', 'name', 'password_hash', 'role', 'locale'], users);

  const people = new CopyRows();
  for (const p of plan.people) {
    people.ascii(p.id).text(p.fullName).ascii(p.email).ascii(p.unitId).ascii(p.positionId).ascii(p.managerId).ascii(p.id).text(vietnameseNameSortKey(p.fullName)).endRow();
  }
  await copyInto(db, 'people', ['id', 'full_name', 'email', 'unit_id', 'position_id', 'manager_id', 'user_id', 'sort_key'], people);

  for (const table of ['positions', 'org_units', 'users', 'people']) {
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(db);
  }
}
