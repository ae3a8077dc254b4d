import { DomainError } from '../errors';
import { dateTimeFormat } from '../intl/formats';
import type { IsoDate } from './dates';

// Building an Intl.DateTimeFormat costs ~50 µs, a tenth of a cached dashboard request under load: one per zone.
const dateFormat = (timeZone: string) =>
  dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });

/**
 * The calendar date of an instant in a time zone (`Asia/Ho_Chi_Minh` by default in the product).
 * Pure given its inputs: the instant is passed in, never read from the clock.
 */
export function localDate(instant: Date, timeZone: string): IsoDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new DomainError('INSTANT_INVALID', { vi: 'Thời điểm không hợp lệ', en: 'Invalid instant' });
  }
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = dateFormat(timeZone).formatToParts(instant);
  } catch {
    throw new DomainError(
      'TIMEZONE_INVALID',
      { vi: `Múi giờ "${timeZone}" không hợp lệ`, en: `Unknown time zone "${timeZone}"` },
      { params: { timeZone } },
    );
  }
  const get = (type: string): string => parts.find((x) => x.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}
