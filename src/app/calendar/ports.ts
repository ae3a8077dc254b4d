import type { IsoDate } from '../../core/period';

/** The working week (ISO weekdays) and the reminder stage offsets, as stored on the company. */
export interface CalendarSettings {
  workingDays: number[];
  remindBeforeDays: number;
  escalateAfterDays: number;
  escalate2AfterDays: number;
}

export interface Holiday {
  day: IsoDate;
  name: string;
  nameEn: string | null;
}

/** The company calendar: working week, holidays and reminder stage settings. */
export interface CalendarStore {
  /** null before the company row exists (the defaults apply). */
  settings(): Promise<CalendarSettings | null>;
  saveSettings(s: CalendarSettings): Promise<void>;
  /** Every holiday, by date. */
  holidays(): Promise<Holiday[]>;
  /** Replaces the whole list (one statement each for delete and insert; run inside a transaction). */
  replaceHolidays(list: readonly Holiday[]): Promise<void>;
  /** Adds holidays not stored yet (the demo seed); returns how many were added. */
  addHolidays(list: readonly Holiday[]): Promise<number>;
}
