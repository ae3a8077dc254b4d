import { newWorkbook } from '../workbook';
import { neutralizeForExport } from '../../core/import/formula-cells';
import { t } from '../../core/reports/labels';
import { weightedResult, type SheetReportData } from '../../core/reports/sheet-report';
import { DATE_FORMAT, PERCENT_FORMAT, VND_FORMAT } from './scorecard-xlsx';

const text = (s: string | null) => (s === null ? null : neutralizeForExport(s));
const asDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const isoOf = (ddmmyyyy: string) => ddmmyyyy.split('/').reverse().join('-');

/** The header row of the items table; rows above are the title block. */
export const SHEET_HEADER_ROW = 9;

/**
 * The evaluation sheet as an XLSX worksheet: title block (person, unit, position, reviewer, cycle and its
 * dates), one row per item under its group row (weight, target, actual, achievement, score, weighted result,
 * both reviews with comments), then final score, grade and the signature block.
 */
export async function sheetXlsx(d: SheetReportData): Promise<Buffer> {
  const { lang } = d;
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(lang === 'vi' ? 'Phiếu đánh giá' : 'Evaluation sheet', { views: [{ state: 'frozen', ySplit: SHEET_HEADER_ROW }] });
  ws.getCell('A1').value = t('sheetTitle', lang);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getRow(2).values = [t('company', lang), text(d.company)];
  ws.getRow(3).values = [t('person', lang), text(d.personName), t('email', lang), text(d.personEmail)];
  ws.getRow(4).values = [t('orgUnit', lang), text(d.unitName), t('position', lang), text(d.positionName)];
  ws.getRow(5).values = [t('reviewer', lang), text(d.reviewerName)];
  ws.getRow(6).values = [t('cycle', lang), text(d.cycleName), t('from', lang), asDate(d.startsOn), t('to', lang), asDate(d.endsOn)];
  ws.getCell('D6').numFmt = DATE_FORMAT;
  ws.getCell('F6').numFmt = DATE_FORMAT;
  ws.getRow(7).values = [t('generatedOn', lang), asDate(isoOf(d.generatedOn))];
  ws.getCell('B7').numFmt = DATE_FORMAT;
  for (const r of [2, 3, 4, 5, 6, 7]) ws.getCell(`A${r}`).font = { bold: true };

  const columns = ['group', 'itemCode', 'item', 'weight', 'target', 'actual', 'achievement', 'score', 'weighted', 'selfRating', 'selfComment', 'managerRating', 'managerComment'] as const;
  const header = ws.getRow(SHEET_HEADER_ROW);
  header.values = columns.map((k) => t(k, lang));
  header.font = { bold: true };
  let r = SHEET_HEADER_ROW + 1;
  for (const g of d.groups) {
    const gr = ws.getRow(r++);
    gr.values = [text(g.name[lang]), null, `${t('groupScore', lang)}`, g.weight / 100, null, null, null, d.resultsHidden ? null : g.score, d.resultsHidden ? null : weightedResult(g.score, g.weight)];
    gr.font = { bold: true };
    gr.getCell(4).numFmt = PERCENT_FORMAT;
    gr.getCell(8).numFmt = PERCENT_FORMAT;
    gr.getCell(9).numFmt = PERCENT_FORMAT;
    for (const i of d.items.filter((x) => x.group === g.code)) {
      const row = ws.getRow(r++);
      const money = i.unit === 'VND' ? VND_FORMAT : '#,##0.##';
      row.values = [
        text(g.name[lang]), text(i.code), text(i.name[lang]), i.weight / 100, i.target, i.actual, i.achievement, i.score, weightedResult(i.score, i.weight),
        i.selfRating, text(i.selfComment), d.resultsHidden ? null : i.managerRating, d.resultsHidden ? text(t('hidden', lang)) : text(i.managerComment),
      ];
      row.getCell(4).numFmt = PERCENT_FORMAT;
      row.getCell(5).numFmt = money;
      row.getCell(6).numFmt = money;
      for (const c of [7, 8, 9]) row.getCell(c).numFmt = PERCENT_FORMAT;
    }
  }
  ws.autoFilter = { from: { row: SHEET_HEADER_ROW, column: 1 }, to: { row: r - 1, column: columns.length } };
  r++;
  const final = ws.getRow(r++);
  final.values = [t('finalScore', lang), d.resultsHidden ? t('hidden', lang) : d.score];
  final.getCell(2).numFmt = PERCENT_FORMAT;
  ws.getRow(r++).values = [t('grade', lang), d.resultsHidden ? t('hidden', lang) : text(d.grade)];
  ws.getCell(`A${r - 2}`).font = { bold: true };
  ws.getCell(`A${r - 1}`).font = { bold: true };
  r++;
  // Signature block: date line, role, hint; names under the space left for signing.
  const sign = [t('signEmployee', lang), t('signManager', lang), t('signApprover', lang)];
  ws.getRow(r++).values = [t('dateLine', lang), null, null, null, t('dateLine', lang), null, null, null, t('dateLine', lang)];
  const roles = ws.getRow(r++);
  roles.values = [sign[0], null, null, null, sign[1], null, null, null, sign[2]];
  roles.font = { bold: true };
  ws.getRow(r++).values = [t('signHint', lang), null, null, null, t('signHint', lang), null, null, null, t('signHint', lang)];
  r += 3;
  ws.getRow(r).values = [text(d.personName), null, null, null, text(d.reviewerName ?? '')];
  [22, 10, 36, 10, 18, 18, 12, 10, 12, 10, 30, 10, 30].forEach((w, c) => (ws.getColumn(c + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
