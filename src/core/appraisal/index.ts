export type {
  Appraisal,
  AppraisalInput,
  BonusRule,
  CoefficientRule,
  GradeBand,
  GroupScore,
  ItemScore,
  KpiItem,
  MissingMode,
  RatedItem,
  Sheet,
  SheetGroup,
  SheetItem,
  SheetScore,
} from './types';
export { MISSING_MODES } from './types';
export { WEIGHT_TOTAL, exactTotal, weightIssues } from './weights';
export { sheetIssues } from './check-sheet';
export { scoreItem, scoreSheet } from './score-sheet';
export { roundScore, SCORE_DECIMALS } from './round-score';
export { bandIssues, DEFAULT_BANDS, gradeOf } from './grade';
export { bonusAmount, bonusFor, bonusIssues, coefficientOf, DEFAULT_BONUS_STEP, DEFAULT_COEFFICIENTS } from './bonus';
export { splitBonusPool, type PoolShare } from './bonus-pool';
export { timeWeightedScore, type SheetPeriod } from './proration';
export { consensusRate, reviewerLeniency, type ReviewerLeniency, type ReviewScore } from './calibration';
export { appraise } from './appraise';
export { parseAppraisalInput } from './parse-input';
export { scoreBatch, type SheetBatch } from './score-batch';
export {
  assertCycleOpen,
  assertNotOwnSheet,
  assertStepOpen,
  CYCLE_PHASES,
  isLocked,
  PHASE_NAMES,
  stepOpen,
  type CycleFrequency,
  type CyclePhase,
  type CycleRecord,
  type SheetStep,
} from './cycle';
