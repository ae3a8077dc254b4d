import { query } from '../../api';

export type FileFormat = 'xlsx' | 'pdf';
export type ReportScope = { type: 'company' } | { type: 'unit'; id: number; tree: boolean } | { type: 'person'; id: number };

/** The report routes of the server (src/server/routes/reports.ts). */
export const reportUrls = {
  scorecard: (period: string, scope: ReportScope, format: FileFormat, lang: string) =>
    `/api/reports/scorecard${query({
      period,
      scope: scope.type === 'company' ? 'company' : `${scope.type}:${scope.id}`,
      format,
      lang,
      tree: scope.type === 'unit' && scope.tree ? 'true' : undefined,
    })}`,
  sheet: (sheetId: number, format: FileFormat, lang: string) => `/api/appraisal/sheets/${sheetId}/report${query({ format, lang })}`,
  cycle: (cycleId: number, unitId: number | null, format: FileFormat, lang: string) => `/api/appraisal/cycles/${cycleId}/reports${query({ unit: unitId ?? undefined, format, lang })}`,
};
