export {
  KPI_FILE_VERSION,
  formatPath,
  type FilePath,
  type KnownRefs,
  type KpiFile,
  type KpiFileKpi,
  type KpiFileBinding,
  type KpiFileBindingScope,
  type KpiFileCompany,
  type KpiFilePerson,
  type KpiFilePosition,
  type KpiFileUnit,
} from './types';
export { analyseKpiFile, checkKpiFile, parseKpiFile, type KpiFileAnalysis, type ParsedKpiFile } from './parse';
export { lintKpiFile, smartErrorsOf, type KpiFileLint } from './lint';
export { smartFindings, smartPeople, blockingFindings, type KpiFindings } from './smart';
export { comparePeriods, kpiDiff, planChanges, type Change, type ChangeAction, type ChangeEntity, type FieldChange } from './plan';
export { formatPlan, formatPlanValue, planSummary } from './format-plan';
export { toYaml, unitsInTreeOrder } from './to-yaml';
export { normalizeScoring, readScoring, scoringToFile, SCORING_METHODS } from './scoring-file';
export { scoringProblems } from './scoring-rules';
export { bindingToFile, readBinding } from './binding-file';
