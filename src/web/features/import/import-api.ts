import { api, query } from '../../api';
import type { ColumnMappingT, Decimal, ImportPreviewT, ImportResultT } from './types';

/** The mapping without unchosen fields (the server fills those from its suggestion). */
export function cleanMapping(mapping: ColumnMappingT): ColumnMappingT {
  return Object.fromEntries(Object.entries(mapping).filter(([, v]) => typeof v === 'string' && v !== '')) as ColumnMappingT;
}

function form(file: File, mapping: ColumnMappingT | undefined): FormData {
  const body = new FormData();
  // The mapping goes first so the server has it before the file part.
  if (mapping) body.append('mapping', JSON.stringify(cleanMapping(mapping)));
  body.append('file', file);
  return body;
}

export function previewImport(file: File, mapping?: ColumnMappingT, decimal?: Decimal): Promise<ImportPreviewT> {
  return api<ImportPreviewT>('POST', `/api/actuals/import/preview${query({ decimal })}`, form(file, mapping));
}

export function runImport(
  file: File,
  mapping: ColumnMappingT,
  options: { dryRun: boolean; skipBadRows: boolean; decimal?: Decimal | undefined },
): Promise<ImportResultT> {
  const q = query({ dryRun: String(options.dryRun), skipBadRows: String(options.skipBadRows), decimal: options.decimal });
  return api<ImportResultT>('POST', `/api/actuals/import${q}`, form(file, mapping));
}
