import { sql, type Kysely, type Selectable } from 'kysely';
import type { Store, User, UserWithSecret } from '../../app/ports';
import type { DB, UsersTable } from '../schema';

function toUser(row: Selectable<UsersTable>): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, active: row.active };
}

export function usersRepo(db: Kysely<DB>): Store['users'] {
  return {
    async findByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
      return row ? ({ ...toUser(row), passwordHash: row.password_hash } satisfies UserWithSecret) : null;
    },
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async list() {
      return (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
    },
    async create(input) {
      const row = await db
        .insertInto('users')
        .values({ email: input.email, name: input.name, password_hash: input.passwordHash, role: input.role, locale: input.locale })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUser(row);
    },
    async update(id, patch) {
      await db
        .updateTable('users')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.role !== undefined && { role: patch.role }),
          ...(patch.locale !== undefined && { locale: patch.locale }),
          ...(patch.active !== undefined && { active: patch.active }),
          ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
    },
  };
}
