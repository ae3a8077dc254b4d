import type { CellFormat } from '../../core/dataset/cells';
import type { DateOrder } from '../../core/dataset/dates';
import { columnsOfHeaders } from '../../core/dataset/identifiers';
import { decideDecimal, TypeSample } from '../../core/dataset/infer';
import { asIdentifier, withOverrides } from '../../core/dataset/plan';
import type { DatasetColumnInfo, DatasetColumnType } from '../../core/dataset/types';
import type { DecimalStyle } from '../../core/import';
import { fileTooLarge, IMPORT_LIMITS } from '../../core/import/limits';
import { openSheet, type Sheet, type SheetFormat } from '../import/read-sheet';

/** The upload size limit of a dataset file (the same as every import; see docs/datasets.md). */
export const DATASET_MAX_BYTES = IMPORT_LIMITS.maxFileBytes;

export interface DatasetFile {
  name: string;
  data: Buffer;
}

/** What the user may say about the file; everything not said is detected. */
export interface DatasetFileOptions {
  types?: Record<string, DatasetColumnType> | undefined;
  delimiter?: ',' | ';' | undefined;
  decimal?: DecimalStyle | undefined;
  dateFormat?: DateOrder | undefined;
  /** Size limit in bytes (default DATASET_MAX_BYTES). */
  maxBytes?: number | undefined;
}

export interface DatasetFileFormat extends SheetFormat {
  decimal: DecimalStyle;
  decimalDetected: boolean;
  dates: DateOrder;
}

export interface OpenedDatasetFile {
  sheet: Sheet;
  format: DatasetFileFormat;
  cellFormat: CellFormat;
  /** The file's columns with inferred types and the overrides applied. */
  columns: DatasetColumnInfo[];
  /** The identifiers of columns whose type the user gave. */
  overridden: string[];
}

/**
 * Opens a dataset file with the shared bounded reader (openSheet: CSV or XLSX, BOM, `,`/`;`, limits), names
 * its columns and infers their types and the decimal style from the first rows. The size is checked before
 * anything is read.
 */
export async function openDatasetFile(file: DatasetFile, options: DatasetFileOptions): Promise<OpenedDatasetFile> {
  const limit = options.maxBytes ?? DATASET_MAX_BYTES;
  if (file.data.length > limit) throw fileTooLarge('file', file.data.length, limit);
  const sheet = await openSheet(file.name, file.data, { delimiter: options.delimiter });
  const named = columnsOfHeaders(sheet.headers, sheet.headerRow);
  const sample = new TypeSample(named.length);
  for await (const r of sheet.rows()) {
    sample.add(r.cells);
    if (sample.full) break;
  }
  const decimal = options.decimal ?? decideDecimal(sample.votes, sheet.format.delimiter);
  const cellFormat: CellFormat = { decimal, dates: options.dateFormat ?? 'dmy' };
  const overrides = options.types ?? {};
  const columns = withOverrides(named, sample.types(cellFormat), overrides);
  return {
    sheet,
    format: { ...sheet.format, decimal, decimalDetected: options.decimal === undefined, dates: cellFormat.dates },
    cellFormat,
    columns,
    overridden: Object.keys(overrides).map(asIdentifier),
  };
}
