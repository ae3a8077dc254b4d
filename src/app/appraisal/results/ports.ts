/** Storage for the results part of people performance (implemented in db/repositories/appraisal-results.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppraisalResultsStore {}
