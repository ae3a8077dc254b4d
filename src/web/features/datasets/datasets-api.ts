import { api, query } from '../../api';
import type { CohortResultT, DatasetImportResultT, DatasetListT, DatasetPreviewT, DatasetRowsT, DatasetT, Grain, ImportOptions, MeasureQueryResultT } from './types';
import { uploadForm, type OnUploadProgress } from './upload';

export const datasetKeys = {
  all: ['datasets'] as const,
  one: (name: string) => ['datasets', name] as const,
  rows: (name: string, offset: number, limit: number) => ['datasets', name, 'rows', offset, limit] as const,
};

const path = (name: string) => `/api/datasets/${encodeURIComponent(name)}`;

export const listDatasets = () => api<DatasetListT>('GET', '/api/datasets');
export const getDataset = (name: string) => api<DatasetT>('GET', path(name));
export const datasetRows = (name: string, offset: number, limit: number) => api<DatasetRowsT>('GET', `${path(name)}/rows${query({ offset, limit })}`);

/** `{col: type}` → `col=type,…` as the import's `types` field. */
export function typesField(types: Record<string, string>): string | undefined {
  const parts = Object.entries(types).map(([c, ty]) => `${c}=${ty}`);
  return parts.length > 0 ? parts.join(',') : undefined;
}

/** The multipart body: the option fields first, then the file (the server reads the fields before the file). */
export function importForm(file: File, options: Partial<ImportOptions>): FormData {
  const body = new FormData();
  if (options.mode) body.append('mode', options.mode);
  if (options.key && options.key.length > 0) body.append('key', options.key.join(','));
  const types = typesField(options.types ?? {});
  if (types) body.append('types', types);
  body.append('file', file);
  return body;
}

export const previewDatasetImport = (name: string, file: File, types: ImportOptions['types'], lang: string, onProgress?: OnUploadProgress) =>
  uploadForm<DatasetPreviewT>(`${path(name)}/import/preview`, importForm(file, { types }), lang, onProgress);

export const importDataset = (name: string, file: File, options: ImportOptions, lang: string, onProgress?: OnUploadProgress) =>
  uploadForm<DatasetImportResultT>(`${path(name)}/import`, importForm(file, options), lang, onProgress);

export interface MeasureInput {
  name: string;
  expression: string;
}

export const queryDataset = (name: string, body: { measures: MeasureInput[]; by: string[]; where?: string | undefined }) =>
  api<MeasureQueryResultT>('POST', `${path(name)}/query`, body);

export const datasetCohorts = (name: string, body: { customer: string; date: string; within: number; cohort: Exclude<Grain, 'day' | 'week'>; firstBy?: string }) =>
  api<CohortResultT>('POST', `${path(name)}/cohorts`, body);
