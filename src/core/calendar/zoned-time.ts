import { dateTimeFormat } from '../intl/formats';
import type { IsoDate } from '../period';

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant of a local wall-clock time (`hh:mm` on a date) in a time zone. */
export function zonedInstant(date: IsoDate, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  // Two passes settle the offset also next to a daylight-saving change (Vietnam has none).
  let instant = new Date(wall - offsetMinutes(new Date(wall), timeZone) * 60000);
  instant = new Date(wall - offsetMinutes(instant, timeZone) * 60000);
  return instant;
}

/** The hour (0–23) of an instant on the wall clock of a time zone. */
export function localHour(instant: Date, timeZone: string): number {
  return Number(dateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(instant));
}
