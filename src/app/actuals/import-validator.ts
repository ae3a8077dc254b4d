import { ActualRowValidator, type ColumnIndex, type DecimalStyle, type ImportLookups } from '../../core/import';
import { localDate } from '../../core/period';
import type { Sheet } from '../import/read-sheet';
import type { Store } from '../ports';
import { DEFAULT_TIMEZONE } from './check-in';

/** The row checker for a file: lateness against today in the company's time zone, and the delimiter the file does not use. */
export async function rowValidatorFor(
  store: Store,
  now: Date,
  sheet: Sheet,
  lookups: ImportLookups,
  columns: ColumnIndex,
  decimal: DecimalStyle | null,
): Promise<ActualRowValidator> {
  const timezone = (await store.company.get())?.timezone ?? DEFAULT_TIMEZONE;
  return new ActualRowValidator({
    lookups,
    columns,
    headers: sheet.headers,
    decimal,
    today: localDate(now, timezone),
    otherDelimiter: sheet.format.delimiter === null ? null : sheet.format.delimiter === ',' ? ';' : ',',
  });
}
