import type { Kysely } from 'kysely';
import type { CalendarStore, Holiday } from '../../app/calendar/ports';
import type { DB } from '../schema';

const rows = (list: readonly Holiday[]) => list.map((h) => ({ day: h.day, name: h.name, name_en: h.nameEn }));

/** The company calendar: working week, holidays and reminder stage settings. */
export function calendarRepo(db: Kysely<DB>): CalendarStore {
  return {
    async settings() {
      const row = await db
        .selectFrom('company')
        .select(['working_days', 'remind_before_days', 'escalate_after_days', 'escalate2_after_days'])
        .where('id', '=', 1)
        .executeTakeFirst();
      if (!row) return null;
      return {
        workingDays: row.working_days.map(Number).sort((a, b) => a - b),
        remindBeforeDays: row.remind_before_days,
        escalateAfterDays: row.escalate_after_days,
        escalate2AfterDays: row.escalate2_after_days,
      };
    },
    async saveSettings(s) {
      await db
        .updateTable('company')
        .set({
          working_days: s.workingDays,
          remind_before_days: s.remindBeforeDays,
          escalate_after_days: s.escalateAfterDays,
          escalate2_after_days: s.escalate2AfterDays,
          updated_at: new Date(),
        })
        .where('id', '=', 1)
        .execute();
    },
    async holidays() {
      const list = await db.selectFrom('company_holidays').selectAll().orderBy('day').execute();
      return list.map((h) => ({ day: h.day, name: h.name, nameEn: h.name_en }));
    },
    async replaceHolidays(list) {
      await db.deleteFrom('company_holidays').execute();
      if (list.length > 0) await db.insertInto('company_holidays').values(rows(list)).execute();
    },
    async addHolidays(list) {
      if (list.length === 0) return 0;
      const added = await db
        .insertInto('company_holidays')
        .values(rows(list))
        .onConflict((oc) => oc.column('day').doNothing())
        .returning('day')
        .execute();
      return added.length;
    },
  };
}
