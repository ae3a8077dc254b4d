import type { MatrixArea } from './matrix-world';

/** Permission-matrix cases for the people-performance sheets routes (src/server/routes/appraisal-sheets.ts). */
export const appraisalSheetsArea: MatrixArea = {
  cases: {},
};
