export { parseDateCell, parsePeriodCell, type DateStyle, type ParsedDate, type ParsedPeriod } from './dates';
export {
  ACTUAL_FIELDS,
  FIELD_LABELS,
  fieldOfHeader,
  normalizeHeader,
  resolveColumns,
  suggestMapping,
  type ActualField,
  type ColumnIndex,
  type ColumnMapping,
  type ResolvedColumns,
} from './headers';
export { isFormulaInjection } from './injection';
export {
  FILE_ISSUE_CODES,
  IssueList,
  MAX_REPORTED_ISSUES,
  ROW_ISSUE_CODES,
  fileIssue,
  rowIssue,
  type FileIssueCode,
  type RowIssueCode,
} from './issues';
export { DecimalVotes, numberShape, parseNumberCell, type DecimalStyle, type NumberShape, type ParsedNumber } from './numbers';
export {
  ActualRowValidator,
  MAX_COMMENT_LENGTH,
  type Cell,
  type ImportLookups,
  type ImportScope,
  type ImportedActual,
  type KpiInfo,
  type RowValidatorOptions,
} from './validate-row';
export { CsvSyntaxError, csvRecords, detectDelimiter, type CsvRecord } from './csv';
export { FormatScan, type FileFormatGuess } from './scan';
