export {
  EVIDENCE_CONTENT_TYPES,
  MAX_EVIDENCE_BYTES,
  checkEvidenceFile,
  sanitizeFileName,
  type EvidenceCheck,
  type EvidenceKind,
} from './evidence-file';
export { formulaDependents } from './formula-dependents';
export { isLate, reportingDeadline } from './lateness';
export { periodForKpi, periodKindOf } from './period-for-kpi';
export { valueParts, type ValueInput, type ValueParts } from './value-parts';
