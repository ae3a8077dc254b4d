import { ActualRowValidator, type ColumnIndex, type DecimalStyle, type ImportLookups } from '../../core/import';
import { companyToday } from '../../core/actuals';
import type { Sheet } from '../import/read-sheet';
import { loadWorkingCalendar } from '../calendar/settings';
import type { Store } from '../ports';

/** The row checker for a file: lateness against today in the company's time zone, and the delimiter the file does not use. */
export async function rowValidatorFor(
  store: Store,
  now: Date,
  sheet: Sheet,
  lookups: ImportLookups,
  columns: ColumnIndex,
  decimal: DecimalStyle | null,
): Promise<ActualRowValidator> {
  const today = companyToday(await store.company.get(), now);
  return new ActualRowValidator({
    lookups,
    columns,
    headers: sheet.headers,
    decimal,
    today,
    calendar: await loadWorkingCalendar(store),
    otherDelimiter: sheet.format.delimiter === null ? null : sheet.format.delimiter === ',' ? ';' : ',',
  });
}
