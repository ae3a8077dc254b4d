/** Storage for the sheets part of people performance (implemented in db/repositories/appraisal-sheets.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppraisalSheetsStore {}
