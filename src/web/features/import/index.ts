export { default as ImportActualsPage } from './ImportActualsPage';
export { cleanMapping, previewImport, runImport } from './import-api';
export type * from './types';
