import { sql, type Kysely, type Selectable } from 'kysely';
import type { OrgUnit, Store } from '../../app/ports';
import type { DB, OrgUnitsTable } from '../schema';

function toUnit(row: Selectable<OrgUnitsTable>): OrgUnit {
  return { id: row.id, code: row.code, name: row.name, parentId: row.parent_id, archived: row.archived_at !== null };
}

export function unitsRepo(db: Kysely<DB>): Store['units'] {
  return {
    async list() {
      return (await db.selectFrom('org_units').selectAll().orderBy('id').execute()).map(toUnit);
    },
    async findById(id) {
      const row = await db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUnit(row) : null;
    },
    async findByCode(code) {
      const row = await db.selectFrom('org_units').selectAll().where(sql`upper(code)`, '=', code.toUpperCase()).executeTakeFirst();
      return row ? toUnit(row) : null;
    },
    async create(input) {
      const row = await db
        .insertInto('org_units')
        .values({ code: input.code, name: input.name, parent_id: input.parentId })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUnit(row);
    },
    async update(id, patch) {
      const row = await db
        .updateTable('org_units')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
          ...(patch.archived !== undefined && { archived_at: patch.archived ? new Date() : null }),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUnit(row);
    },
  };
}
