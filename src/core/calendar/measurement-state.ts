import { compareDates, daysBetween, type IsoDate } from '../period';

export type MeasurementState = 'done' | 'due-soon' | 'due' | 'late';

/** How many days before its deadline a measurement counts as due soon. */
export const DUE_SOON_DAYS = 3;

/**
 * Where one expected measurement stands on `today` (the company's date): `done` once a value is in, `late` after
 * the deadline day, `due-soon` from DUE_SOON_DAYS days before it (the deadline day included), else `due`.
 */
export function measurementState(deadline: IsoDate, today: IsoDate, hasValue: boolean): MeasurementState {
  if (hasValue) return 'done';
  if (compareDates(today, deadline) > 0) return 'late';
  return daysBetween(today, deadline) <= DUE_SOON_DAYS ? 'due-soon' : 'due';
}
