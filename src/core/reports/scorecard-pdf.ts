import type { Lang } from '../errors';
import type { RagStatus } from '../scoring';
import { ddmmyyyy, formatPercent, formatValue, nfc } from './format';
import { STATUS_COLOR, STATUS_TEXT, t } from './labels';
import { a4Document, cell, right, type PdfDoc, type PdfNode } from './pdf-common';

export interface ReportKpiRow {
  code: string;
  name: string;
  unit: string | null;
  target: number | null;
  actual: number | null;
  achievement: number | null;
  score: number | null;
  status: RagStatus;
}

/** One scorecard: the scope chosen, or one unit of a unit tree. */
export interface ScorecardSection {
  title: string;
  score: number | null;
  status: RagStatus;
  items: ReportKpiRow[];
}

export interface ScorecardReportData {
  lang: Lang;
  company: string;
  /** The scope chosen (a unit tree: its top unit). */
  scopeLabel: string;
  period: { key: string; start: string; end: string; inProgress: boolean };
  /** dd/mm/yyyy */
  generatedOn: string;
  sections: ScorecardSection[];
}

const BAR_WIDTH = 220;
/** Bars stop at 150 % so one outlier does not flatten the others; the line marks 100 %. */
const BAR_MAX = 1.5;

/** The scorecard as an A4 PDF: title block, per section the KPI table with status colours and a bar chart of achievement. */
export function scorecardPdf(d: ScorecardReportData): PdfDoc {
  const { lang } = d;
  const content: PdfNode[] = [
    { text: t('scorecardTitle', lang), style: 'title' },
    { text: nfc(d.company), bold: true },
    { text: `${t('scope', lang)}: ${nfc(d.scopeLabel)}` },
    { text: `${t('period', lang)}: ${d.period.key} (${ddmmyyyy(d.period.start)} – ${ddmmyyyy(d.period.end)})${d.period.inProgress ? ` · ${t('inProgress', lang)}` : ''}` },
    { text: `${t('generatedOn', lang)}: ${d.generatedOn}`, style: 'meta', margin: [0, 0, 0, 8] },
  ];
  d.sections.forEach((s, i) => content.push(...section(s, lang, i > 0)));
  return a4Document(content, lang, d.generatedOn, t('scorecardTitle', lang));
}

function section(s: ScorecardSection, lang: Lang, pageBreak: boolean): PdfNode[] {
  const head = { text: `${nfc(s.title)} — ${t('overallScore', lang)}: ${formatPercent(s.score, lang)} (${STATUS_TEXT[s.status][lang]})`, style: 'h2', ...(pageBreak && { pageBreak: 'before' }) };
  if (s.items.length === 0) return [head, { text: t('noKpis', lang) }];
  return [head, kpiTable(s.items, lang), { text: t('chart', lang), style: 'h2' }, barChart(s.items, lang)];
}

function kpiTable(items: ReportKpiRow[], lang: Lang): PdfNode {
  const header = (['code', 'name', 'target', 'actual', 'achievement', 'score', 'status'] as const).map((k) => cell(t(k, lang), { style: 'th' }));
  const rows = items.map((k) => [
    cell(k.code, { fontSize: 7 }),
    cell(nfc(k.name)),
    right(formatValue(k.target, k.unit, lang)),
    right(formatValue(k.actual, k.unit, lang)),
    right(formatPercent(k.achievement, lang)),
    right(formatPercent(k.score, lang)),
    cell(STATUS_TEXT[k.status][lang], { fillColor: STATUS_COLOR[k.status], color: k.status === 'none' ? '#262626' : '#ffffff' }),
  ]);
  return { table: { headerRows: 1, widths: [92, '*', 66, 66, 44, 38, 50], body: [header, ...rows] }, layout: 'lightHorizontalLines', fontSize: 8 };
}

/** Vector bars (pdfmake canvas): one per KPI with an achievement, coloured by status. */
function barChart(items: ReportKpiRow[], lang: Lang): PdfNode {
  const rows = items
    .filter((k) => k.achievement !== null)
    .map((k) => {
      const width = Math.max(0.5, (Math.min(Math.max(k.achievement!, 0), BAR_MAX) / BAR_MAX) * BAR_WIDTH);
      const hundred = BAR_WIDTH / BAR_MAX;
      return [
        cell(k.code, { fontSize: 7 }),
        {
          canvas: [
            { type: 'rect', x: 0, y: 1, w: width, h: 8, color: STATUS_COLOR[k.status] },
            { type: 'line', x1: hundred, y1: -1, x2: hundred, y2: 11, lineWidth: 0.7, lineColor: '#262626' },
          ],
        },
        right(formatPercent(k.achievement, lang), { fontSize: 7 }),
      ];
    });
  if (rows.length === 0) return { text: '—' };
  return { table: { widths: [90, BAR_WIDTH + 4, 50], body: rows }, layout: 'noBorders' };
}
