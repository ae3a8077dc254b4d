import { dayNumberOf, fromDayNumber, toDayNumber, type IsoDate } from './dates';

/** Day number of the Monday of ISO week 1: the week that contains 4 January. */
function week1MondayDay(isoYear: number): number {
  const jan4 = dayNumberOf(isoYear, 1, 4);
  const weekdayIndex = (((jan4 + 3) % 7) + 7) % 7; // Monday = 0
  return jan4 - weekdayIndex;
}

/** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year. */
export function isoWeeksInYear(isoYear: number): number {
  return (week1MondayDay(isoYear + 1) - week1MondayDay(isoYear)) / 7;
}

/** Monday of the given ISO week (week is not range-checked here). */
export function isoWeekStart(isoYear: number, week: number): IsoDate {
  return fromDayNumber(week1MondayDay(isoYear) + (week - 1) * 7);
}

/** ISO week-numbering year and week of a date (29/12/2025 → 2026, week 1). */
export function isoWeekOf(date: IsoDate): { isoYear: number; week: number } {
  const day = toDayNumber(date);
  const calendarYear = Number(date.slice(0, 4));
  let isoYear = calendarYear + 1;
  if (day < week1MondayDay(isoYear)) isoYear = calendarYear;
  if (day < week1MondayDay(isoYear)) isoYear = calendarYear - 1;
  return { isoYear, week: Math.floor((day - week1MondayDay(isoYear)) / 7) + 1 };
}
