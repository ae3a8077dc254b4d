export {
  addDays,
  compareDates,
  dateParts,
  daysBetween,
  ddmmyyyy,
  daysInMonth,
  formatDate,
  fromDayNumber,
  isLeapYear,
  isoWeekday,
  isValidDate,
  toDayNumber,
  type IsoDate,
} from './dates';
export { isoWeekOf, isoWeeksInYear, isoWeekStart } from './iso-week';
export {
  PERIOD_KINDS,
  customPeriod,
  isDateInPeriod,
  monthPeriod,
  parsePeriod,
  periodDays,
  quarterPeriod,
  tryParsePeriod,
  weekPeriod,
  yearPeriod,
  type CalendarPeriodKind,
  type Period,
  type PeriodKind,
} from './period';
export { childPeriods, nextPeriod, periodContaining, periodsBetween, previousPeriod, shiftPeriod } from './navigate';
export { fiscalYear, fiscalYearContaining } from './fiscal';
export { localDate } from './local-date';
