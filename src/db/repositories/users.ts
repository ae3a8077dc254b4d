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
      const rows = await db
        .selectFrom('users')
        .leftJoin('people', 'people.user_id', 'users.id')
        .selectAll('users')
        .select('people.id as person_id')
        .orderBy('users.id')
        .execute();
      return rows.map((r) => ({ ...toUser(r), personId: r.person_id }));
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
    async lockActiveAdmins() {
      const rows = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', true).orderBy('id').forUpdate().execute();
      return rows.map((r) => r.id);
    },
    async saveResetToken(t) {
      await db.deleteFrom('password_resets').where('user_id', '=', t.userId).where('used_at', 'is', null).execute();
      await db
        .insertInto('password_resets')
        .values({ token_hash: t.tokenHash, user_id: t.userId, created_by: t.createdBy, expires_at: t.expiresAt })
        .execute();
    },
    async takeResetToken(tokenHash, now) {
      // One statement: two requests with the same token cannot both take it.
      const row = await db
        .updateTable('password_resets')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id ?? null;
    },
  };
}
