export { checkSmart, hasBlockingFindings, smartSummary } from './check';
export { DEFAULT_REALISTIC_JUMP, scaleBaseline, type ScaledBaseline } from './rules/realistic';
export { vagueVerbIn } from './rules/specific';
export {
  SMART_LETTERS,
  type Finding,
  type FindingSeverity,
  type SmartContext,
  type SmartLetter,
  type SmartPerson,
  type SmartStatus,
  type SmartSummary,
} from './types';
