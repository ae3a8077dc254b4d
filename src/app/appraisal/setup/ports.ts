/** Storage for the setup part of people performance (implemented in db/repositories/appraisal-setup.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppraisalSetupStore {}
