import type ExcelJS from 'exceljs';
import { newWorkbook } from '../workbook';
import { neutralizeForExport } from '../../core/import/formula-cells';
import { STATUS_TEXT, t } from '../../core/reports/labels';
import type { ReportKpiRow, ScorecardReportData } from '../../core/reports/scorecard-pdf';

export const VND_FORMAT = '#,##0 "₫"';
export const PERCENT_FORMAT = '0.0%';
export const DATE_FORMAT = 'dd/mm/yyyy';
/** The header row of the KPI table; rows above it are the title block. */
export const HEADER_ROW = 8;

const text = (s: string) => neutralizeForExport(s);
const asDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const valueFormat = (unit: string | null, v: number | null) => (unit === 'VND' ? VND_FORMAT : v !== null && !Number.isInteger(v) ? '#,##0.00' : '#,##0');

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 26)} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * The scorecard as an XLSX workbook: per section (the scope, or each unit of a unit tree) one worksheet with
 * a title block (company, scope, period with its dates, generated on) and one row per KPI, code first, with
 * numeric target, actual (VND format for money KPIs), achievement and score (percent), a frozen header row and
 * filters. Every text cell goes through neutralizeForExport.
 */
export async function scorecardXlsx(d: ScorecardReportData, sectionSheetNames: string[]): Promise<Buffer> {
  const { lang } = d;
  const wb = await newWorkbook();
  const used = new Set<string>();
  d.sections.forEach((s, i) => {
    const ws = wb.addWorksheet(sheetName(sectionSheetNames[i] ?? s.title, used), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
    ws.getCell('A1').value = t('scorecardTitle', lang);
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.addRow([]);
    ws.getRow(2).values = [t('company', lang), text(d.company)];
    ws.getRow(3).values = [t('scope', lang), text(s.title)];
    ws.getRow(4).values = [t('period', lang), d.period.key, t('from', lang), asDate(d.period.start), t('to', lang), asDate(d.period.end)];
    ws.getCell('D4').numFmt = DATE_FORMAT;
    ws.getCell('F4').numFmt = DATE_FORMAT;
    ws.getRow(5).values = [t('generatedOn', lang), asDate(isoOf(d.generatedOn))];
    ws.getCell('B5').numFmt = DATE_FORMAT;
    ws.getRow(6).values = [t('overallScore', lang), s.score, STATUS_TEXT[s.status][lang]];
    ws.getCell('B6').numFmt = PERCENT_FORMAT;
    for (const r of [2, 3, 4, 5, 6]) ws.getCell(`A${r}`).font = { bold: true };

    const header = ws.getRow(HEADER_ROW);
    header.values = (['code', 'name', 'unit', 'target', 'actual', 'achievement', 'score', 'status'] as const).map((k) => t(k, lang));
    header.font = { bold: true };
    s.items.forEach((k, j) => writeKpi(ws.getRow(HEADER_ROW + 1 + j), k, lang));
    ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + Math.max(s.items.length, 0), column: 8 } };
    [18, 44, 12, 20, 20, 16, 10, 16].forEach((w, c) => (ws.getColumn(c + 1).width = w));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function writeKpi(row: ExcelJS.Row, k: ReportKpiRow, lang: ScorecardReportData['lang']) {
  row.values = [text(k.code), text(k.name), k.unit === null ? null : text(k.unit), k.target, k.actual, k.achievement, k.score, STATUS_TEXT[k.status][lang]];
  row.getCell(4).numFmt = valueFormat(k.unit, k.target);
  row.getCell(5).numFmt = valueFormat(k.unit, k.actual);
  row.getCell(6).numFmt = PERCENT_FORMAT;
  row.getCell(7).numFmt = PERCENT_FORMAT;
}

/** dd/mm/yyyy → yyyy-mm-dd */
const isoOf = (ddmmyyyy: string) => ddmmyyyy.split('/').reverse().join('-');
