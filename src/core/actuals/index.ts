export {
  EVIDENCE_CONTENT_TYPES,
  MAX_EVIDENCE_BYTES,
  checkEvidenceFile,
  sanitizeFileName,
  type EvidenceCheck,
  type EvidenceKind,
} from './evidence-file';
export { companyToday, DEFAULT_TIMEZONE } from './company-today';
export { DuplicateSlots } from './duplicate-slots';
export { formulaDependents, recomputePlan, type RecomputePlan } from './formula-dependents';
export {
  INTAKE_CODES,
  MAX_COMMENT_LENGTH,
  commentProblem,
  denominatorProblem,
  duplicateProblem,
  invalidPeriodProblem,
  kpiProblem,
  missingProblem,
  notRatioProblem,
  numberProblem,
  percentProblem,
  periodKindProblem,
  personProblem,
  ratioProblem,
  unitProblem,
  type IntakeCode,
  type IntakeField,
  type IntakeKpi,
  type IntakeProblem,
  type NumberField,
} from './intake';
export { isLate, reportingDeadline } from './lateness';
export { periodKindOf } from './period-for-kpi';
export { periodFor, problemIssue, takeActual, type ActualInput, type TakenActual } from './take-actual';
export { valueParts, type ValueInput, type ValueParts } from './value-parts';
