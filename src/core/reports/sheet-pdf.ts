import { ddmmyyyy, formatPercent, formatValue, nfc } from './format';
import { t } from './labels';
import { a4Document, cell, right, type PdfDoc, type PdfNode } from './pdf-common';
import { weightedResult, type SheetReportData } from './sheet-report';

const rating = (r: number | null) => (r === null ? '—' : String(r));

/** The evaluation sheet (phiếu đánh giá KPI) as an A4 PDF: who, items by group, reviews, results and the signature block. */
export function sheetPdf(d: SheetReportData): PdfDoc {
  const { lang } = d;
  const hidden = t('hidden', lang);
  const info: [string, string][] = [
    [t('person', lang), `${nfc(d.personName)} (${d.personEmail})`],
    [t('orgUnit', lang), nfc(d.unitName)],
    [t('position', lang), nfc(d.positionName ?? '—')],
    [t('reviewer', lang), nfc(d.reviewerName ?? '—')],
    [t('cycle', lang), `${nfc(d.cycleName)} (${ddmmyyyy(d.startsOn)} – ${ddmmyyyy(d.endsOn)})`],
  ];
  const content: PdfNode[] = [
    { text: t('sheetTitle', lang), style: 'title' },
    { text: nfc(d.company), bold: true, margin: [0, 0, 0, 6] },
    { table: { widths: [110, '*'], body: info.map(([k, v]) => [cell(k, { bold: true }), cell(v)]) }, layout: 'noBorders' },
    { text: t('item', lang), style: 'h2' },
    itemsTable(d),
    { text: t('reviews', lang), style: 'h2' },
    reviewsTable(d),
    {
      margin: [0, 10, 0, 0],
      table: {
        widths: [110, '*'],
        body: [
          [cell(t('finalScore', lang), { bold: true }), cell(d.resultsHidden ? hidden : formatPercent(d.score, lang), { bold: true })],
          [cell(t('grade', lang), { bold: true }), cell(d.resultsHidden ? hidden : (d.grade ?? '—'), { bold: true })],
        ],
      },
      layout: 'noBorders',
    },
    signatureBlock(d),
  ];
  return a4Document(content, lang, d.generatedOn, `${t('sheetTitle', lang)} — ${nfc(d.personName)}`);
}

function itemsTable(d: SheetReportData): PdfNode {
  const { lang } = d;
  const header = (['itemCode', 'item', 'weight', 'target', 'actual', 'achievement', 'score', 'weighted'] as const).map((k) => cell(t(k, lang), { style: 'th' }));
  const body: unknown[][] = [header];
  for (const g of d.groups) {
    const groupLine = `${t('group', lang)}: ${nfc(g.name[lang])} — ${t('weight', lang)} ${g.weight}% — ${t('groupScore', lang)}: ${d.resultsHidden ? t('hidden', lang) : formatPercent(g.score, lang)}`;
    body.push([cell(groupLine, { colSpan: 8, bold: true, fillColor: '#fafafa' }), '', '', '', '', '', '', '']);
    for (const i of d.items.filter((x) => x.group === g.code)) {
      body.push([
        cell(i.code),
        cell(nfc(i.name[lang])),
        right(`${i.weight}%`),
        right(formatValue(i.target, i.unit, lang)),
        right(formatValue(i.actual, i.unit, lang)),
        right(formatPercent(i.achievement, lang)),
        right(formatPercent(i.score, lang)),
        right(formatPercent(weightedResult(i.score, i.weight), lang)),
      ]);
    }
  }
  return { table: { headerRows: 1, widths: [70, '*', 36, 62, 62, 44, 36, 44], body }, layout: 'lightHorizontalLines', fontSize: 8 };
}

function reviewsTable(d: SheetReportData): PdfNode {
  const { lang } = d;
  const header = (['item', 'selfRating', 'selfComment', 'managerRating', 'managerComment'] as const).map((k) => cell(t(k, lang), { style: 'th' }));
  const rows = d.items.map((i) => [
    cell(`${i.code} — ${nfc(i.name[lang])}`),
    right(rating(i.selfRating)),
    cell(nfc(i.selfComment)),
    right(d.resultsHidden ? '—' : rating(i.managerRating)),
    cell(d.resultsHidden ? t('hidden', lang) : nfc(i.managerComment)),
  ]);
  return { table: { headerRows: 1, widths: [120, 40, '*', 40, '*'], body: [header, ...rows] }, layout: 'lightHorizontalLines', fontSize: 8 };
}

function signatureBlock(d: SheetReportData): PdfNode {
  const { lang } = d;
  const column = (title: string, name: string) => ({
    stack: [
      { text: t('dateLine', lang), italics: true, fontSize: 8 },
      { text: title, bold: true, margin: [0, 4, 0, 0] },
      { text: t('signHint', lang), italics: true, fontSize: 8 },
      { text: nfc(name), margin: [0, 48, 0, 0] },
    ],
    alignment: 'center',
  });
  return {
    margin: [0, 24, 0, 0],
    unbreakable: true,
    columns: [column(t('signEmployee', lang), d.personName), column(t('signManager', lang), d.reviewerName ?? ''), column(t('signApprover', lang), '')],
  };
}
