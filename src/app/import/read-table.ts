import { DomainError } from '../../core/errors';
import { IMPORT_LIMITS } from '../../core/import/limits';
import { openSheet } from './read-sheet';

export interface Table {
  headers: string[];
  /** Data rows as text, blank rows left out. */
  rows: string[][];
}

export const MAX_IMPORT_BYTES = IMPORT_LIMITS.maxFileBytes;

/**
 * Reads a CSV or XLSX file into text cells with the same reader and bounds as the actuals import
 * (openSheet). Reading stops after `maxRows + 1` data rows, so the caller can report "too many rows"
 * without the rest of the file being read. File-level problems keep this reader's code, IMPORT_FILE_INVALID.
 */
export async function readTable(fileName: string, data: Buffer, maxRows: number = IMPORT_LIMITS.maxRows): Promise<Table> {
  if (data.length === 0) throw new DomainError('IMPORT_FILE_INVALID', { vi: 'Tệp rỗng.', en: 'The file is empty.' });
  try {
    const sheet = await openSheet(fileName, data);
    const rows: string[][] = [];
    for await (const r of sheet.rows(Number.MAX_SAFE_INTEGER)) {
      const cells = r.cells.map(String);
      if (cells.some((c) => c.trim() !== '')) rows.push(cells);
      if (rows.length > maxRows) break;
    }
    return { headers: sheet.headers, rows };
  } catch (e) {
    if (e instanceof DomainError && e.code === 'IMPORT_INVALID') {
      throw new DomainError('IMPORT_FILE_INVALID', e.issues[0]?.message ?? e.localized, { issues: e.issues });
    }
    throw e;
  }
}
