import { z } from 'zod';
import { Id, cleanText } from './common';
import { ScopeText } from './evaluation';

const PeriodKey = cleanText(40, 4);
const FileFormat = z.enum(['xlsx', 'pdf']);
/** The file's language; without it, the caller's (their setting, else Accept-Language). */
const ReportLang = z.enum(['vi', 'en']).optional();

/** GET /api/reports/scorecard: `tree=true` adds one section per unit below a company or unit scope. */
export const ScorecardReportQuery = z.strictObject({
  period: PeriodKey.optional(),
  scope: ScopeText.optional(),
  format: FileFormat,
  lang: ReportLang,
  tree: z.enum(['true', 'false']).default('false'),
});
export const SheetReportParams = z.strictObject({ id: Id });
export const SheetReportQuery = z.strictObject({ format: FileFormat, lang: ReportLang });
export const CycleReportsParams = z.strictObject({ id: Id });
/** Without `unit`: every sheet of the cycle the caller may read. */
export const CycleReportsQuery = z.strictObject({ unit: Id.optional(), format: FileFormat, lang: ReportLang });
