import { companyToday } from '../../core/actuals';
import { openPeriodOn } from '../../core/evaluation';
import { parsePeriod, periodContaining, previousPeriod, type IsoDate, type Period } from '../../core/period';
import { getCompany } from '../company/company';
import type { Store } from '../ports';

const MONTHS_BACK = 12;

/** The company's today for `now`. */
export async function todayOf(store: Store, now: Date): Promise<IsoDate> {
  return companyToday(await getCompany(store), now);
}

/**
 * The period a page shows: the one asked for; else the current month when any actual was reported for it
 * (then it is in progress), else the latest month with an actual, up to a year back; else the current month.
 * A page never opens on a month that is empty only because it has just begun.
 */
export async function periodToShow(store: Store, asked: string | undefined, today: IsoDate): Promise<Period> {
  if (asked !== undefined) return parsePeriod(asked);
  const current = periodContaining(today, 'month');
  let month = current;
  for (let i = 0; i <= MONTHS_BACK; i++) {
    const rows = await store.actuals.aggregate({ from: month.start, to: month.end, kind: 'month' });
    if (rows.length > 0) return month;
    month = previousPeriod(month);
  }
  return current;
}

/** The period as pages get it: its dates and whether it is still running. */
export function evaluatedPeriodView(p: Period, today: IsoDate): { key: string; kind: string; start: string; end: string; inProgress: boolean } {
  return { key: p.key, kind: p.kind, start: p.start, end: p.end, inProgress: openPeriodOn(p, today) !== null };
}
