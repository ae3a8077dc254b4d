import { sql, type Kysely } from 'kysely';
import type { Company, Store } from '../../app/ports';
import type { DB } from '../schema';

/** Advisory lock key of first-time setup (migrations use 774411). */
const SETUP_LOCK = 774412;

export function companyRepo(db: Kysely<DB>): Store['company'] {
  return {
    async lockSetup() {
      await sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`.execute(db);
    },
    async get() {
      const row = await db.selectFrom('company').selectAll().where('id', '=', 1).executeTakeFirst();
      if (!row) return null;
      return {
        name: row.name,
        timezone: row.timezone,
        currency: row.currency,
        locale: row.locale as Company['locale'],
        fiscalYearStartMonth: row.fiscal_year_start_month,
      };
    },
    async save(c) {
      const values = {
        name: c.name,
        timezone: c.timezone,
        currency: c.currency,
        locale: c.locale,
        fiscal_year_start_month: c.fiscalYearStartMonth,
      };
      await db
        .insertInto('company')
        .values({ id: 1, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet({ ...values, updated_at: new Date() }))
        .execute();
    },
  };
}
