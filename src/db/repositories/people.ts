import { sql, type Kysely, type Selectable } from 'kysely';
import type { Person, Store } from '../../app/ports';
import { vietnameseNameSortKey } from '../../core/people/sort-names';
import type { DB, PeopleTable } from '../schema';

function toPerson(row: Selectable<PeopleTable>): Person {
  return {
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    unitId: row.unit_id,
    positionId: row.position_id,
    managerId: row.manager_id,
    userId: row.user_id,
    active: row.active,
  };
}

function toRow(p: Omit<Person, 'id' | 'active'>) {
  return {
    full_name: p.fullName,
    email: p.email,
    unit_id: p.unitId,
    position_id: p.positionId,
    manager_id: p.managerId,
    user_id: p.userId,
    sort_key: vietnameseNameSortKey(p.fullName),
  };
}

/** Gives people written before migration 0006 their name sort key (a no-op once every row has one). */
export async function fillMissingPeopleSortKeys(db: Kysely<DB>): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.selectFrom('people').select(['id', 'full_name']).where('sort_key', 'is', null).orderBy('id').limit(5000).execute();
    if (rows.length === 0) return filled;
    const json = JSON.stringify(rows.map((r) => ({ id: r.id, key: vietnameseNameSortKey(r.full_name) })));
    await sql`UPDATE people p SET sort_key = x.key FROM json_to_recordset(${json}) AS x(id integer, key text) WHERE p.id = x.id`.execute(db);
    filled += rows.length;
  }
}

export function peopleRepo(db: Kysely<DB>): Store['people'] {
  return {
    async query(q) {
      let base = db
        .selectFrom('people as p')
        .innerJoin('org_units as u', 'u.id', 'p.unit_id')
        .leftJoin('positions as pos', 'pos.id', 'p.position_id')
        .leftJoin('people as m', 'm.id', 'p.manager_id');
      if (q.unitIds) base = base.where('p.unit_id', 'in', q.unitIds.length ? q.unitIds : [-1]);
      if (q.personIds) base = base.where('p.id', 'in', q.personIds.length ? q.personIds : [-1]);
      if (q.search) {
        const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
        base = base.where((eb) =>
          eb.or([eb(sql`lower(p.full_name)`, 'like', like), eb(sql`lower(coalesce(p.email, ''))`, 'like', like)]),
        );
      }
      const [rows, count] = await Promise.all([
        base
          .selectAll('p')
          .select(['u.name as unit_name', 'pos.name as position_name', 'm.full_name as manager_name'])
          // Vietnamese name order (given name first); the key is compared byte by byte (COLLATE "C").
          .orderBy('p.sort_key')
          .orderBy('p.id')
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(count.n),
        items: rows.map((r) => ({
          ...toPerson(r),
          unitName: r.unit_name,
          positionName: r.position_name,
          managerName: r.manager_name,
        })),
      };
    },
    async findById(id) {
      const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPerson(row) : null;
    },
    async findByUserId(userId) {
      const row = await db.selectFrom('people').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row ? toPerson(row) : null;
    },
    async findByEmails(emails) {
      if (emails.length === 0) return [];
      const lower = emails.map((e) => e.toLowerCase());
      const rows = await db.selectFrom('people').selectAll().where(sql`lower(email)`, 'in', lower).execute();
      return rows.map(toPerson);
    },
    async create(input) {
      return toPerson(await db.insertInto('people').values(toRow(input)).returningAll().executeTakeFirstOrThrow());
    },
    async createMany(inputs) {
      const out: Person[] = [];
      // Chunks keep each statement's parameter count well under PostgreSQL's 65,535 limit.
      for (let i = 0; i < inputs.length; i += 1000) {
        const rows = await db.insertInto('people').values(inputs.slice(i, i + 1000).map(toRow)).returningAll().execute();
        out.push(...rows.map(toPerson));
      }
      return out;
    },
    async update(id, patch) {
      const row = await db
        .updateTable('people')
        .set({
          ...(patch.fullName !== undefined && { full_name: patch.fullName, sort_key: vietnameseNameSortKey(patch.fullName) }),
          ...(patch.email !== undefined && { email: patch.email }),
          ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
          ...(patch.positionId !== undefined && { position_id: patch.positionId }),
          ...(patch.managerId !== undefined && { manager_id: patch.managerId }),
          ...(patch.userId !== undefined && { user_id: patch.userId }),
          ...(patch.active !== undefined && { active: patch.active }),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toPerson(row);
    },
    async setManagers(pairs) {
      for (let i = 0; i < pairs.length; i += 5000) {
        const json = JSON.stringify(pairs.slice(i, i + 5000));
        await sql`UPDATE people p SET manager_id = x."managerId", updated_at = now()
          FROM json_to_recordset(${json}) AS x(id integer, "managerId" integer) WHERE p.id = x.id`.execute(db);
      }
    },
    async managerLinks() {
      return db.selectFrom('people').select(['id', 'manager_id as managerId']).execute();
    },
    async activeMembers() {
      return db
        .selectFrom('people')
        .select(['id', 'unit_id as unitId', 'manager_id as managerId', 'full_name as fullName'])
        .where('active', '=', true)
        .execute();
    },
  };
}
