export { renderScorecardReport, type ScorecardReportQuery } from './scorecard-report';
export { renderCycleReports, renderSheetReport } from './sheet-report';
export { CONTENT_TYPE, type ReportFile, type ReportFormat } from './report-file';
