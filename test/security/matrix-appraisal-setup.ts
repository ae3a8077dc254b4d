import type { MatrixArea } from './matrix-world';

/** Permission-matrix cases for the people-performance setup routes (src/server/routes/appraisal-setup.ts). */
export const appraisalSetupArea: MatrixArea = {
  cases: {},
};
