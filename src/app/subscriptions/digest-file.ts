import { newWorkbook } from '../workbook';
import { MISS_REASON_LABELS, type MissReason } from '../../core/diagnostics/reasons';
import type { Lang } from '../../core/errors';
import { neutralizeForExport } from '../../core/import/formula-cells';
import { a4Document, cell, right } from '../../core/reports/pdf-common';
import { ddmmyyyy, formatPercent, nfc } from '../../core/reports/format';
import { renderPdf } from '../reports/render-pdf';
import { CONTENT_TYPE, type ReportFile } from '../reports/report-file';
import type { DigestView } from './digest';
import type { MissReasonInput } from './digest-rules';

const TEXT = {
  title: { vi: 'Bản tin tổng hợp', en: 'Management digest' },
  up: { vi: 'Tăng mạnh nhất', en: 'Top movers up' },
  down: { vi: 'Giảm mạnh nhất', en: 'Top movers down' },
  red: { vi: 'KPI màu đỏ và nguyên nhân', en: 'Red KPIs and their reasons' },
  late: { vi: 'Chưa báo cáo số liệu', en: 'Late measurements' },
  none: { vi: 'Không có.', en: 'None.' },
  noReason: { vi: 'chưa ghi nguyên nhân', en: 'no reason recorded' },
  code: { vi: 'Mã KPI', en: 'KPI code' },
  name: { vi: 'Tên KPI', en: 'KPI' },
  previous: { vi: 'Kỳ trước', en: 'Previous' },
  current: { vi: 'Kỳ này', en: 'This period' },
  change: { vi: 'Thay đổi (điểm %)', en: 'Change (% points)' },
  achievement: { vi: 'Tỷ lệ hoàn thành', en: 'Achievement' },
  reasons: { vi: 'Nguyên nhân không đạt', en: 'Miss reasons' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  section: { vi: 'Mục', en: 'Section' },
  period: { vi: 'Kỳ', en: 'Period' },
} as const;

const tx = (key: keyof typeof TEXT, lang: Lang) => TEXT[key][lang];
const nameOf = (k: { name: string; nameEn: string | null }, lang: Lang) => nfc(lang === 'en' && k.nameEn ? k.nameEn : k.name);
const reasonText = (r: MissReasonInput, lang: Lang) => {
  const label = MISS_REASON_LABELS[r.reason as MissReason]?.[lang] ?? r.reason;
  return r.comment ? `${label}: ${r.comment}` : label;
};
const points = (change: number, lang: Lang) => `${change > 0 ? '+' : ''}${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 }).format(change * 100)}`;

/** "Kỳ 2025-11 (01/11/2025 – 30/11/2025)". */
export function digestHeading(d: DigestView, scopeLabel: string, lang: Lang): string {
  return `${tx('title', lang)} · ${scopeLabel} · ${tx('period', lang)} ${d.period.key} (${ddmmyyyy(d.period.start)} – ${ddmmyyyy(d.period.end)})`;
}

/** The parts of the digest a report shows: the digest all of them, late measurements and diagnostics one each. */
export type DigestSection = 'up' | 'down' | 'red' | 'late';
export const ALL_SECTIONS: readonly DigestSection[] = ['up', 'down', 'red', 'late'];

/** The e-mail body: the sections as plain lines. */
export function digestText(d: DigestView, scopeLabel: string, lang: Lang, sections: readonly DigestSection[] = ALL_SECTIONS): string {
  const mover = (m: DigestView['up'][number]) => `${m.code} ${nameOf(m, lang)}: ${formatPercent(m.previous, lang)} → ${formatPercent(m.current, lang)} (${points(m.change, lang)})`;
  const items: Record<DigestSection, () => string[]> = {
    up: () => d.up.map(mover),
    down: () => d.down.map(mover),
    red: () =>
      d.red.map((r) => `${r.code} ${nameOf(r, lang)} (${formatPercent(r.achievement, lang)}): ${r.reasons.length ? r.reasons.map((x) => reasonText(x, lang)).join('; ') : tx('noReason', lang)}`),
    late: () => d.late.map((l) => `${l.code} ${nameOf(l, lang)}`),
  };
  const lines = [digestHeading(d, scopeLabel, lang), ''];
  for (const section of sections) {
    const list = items[section]();
    lines.push(`${tx(section, lang)}:`, ...(list.length ? list.map((i) => `- ${i}`) : [`- ${tx('none', lang)}`]), '');
  }
  return lines.join('\n').trimEnd();
}

async function digestXlsx(d: DigestView, lang: Lang, sections: readonly DigestSection[]): Promise<Buffer> {
  const book = await newWorkbook();
  const text = (s: string) => neutralizeForExport(nfc(s));
  const sheet = (name: string, header: string[]) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(header.map(text)).font = { bold: true };
    ws.columns = header.map((h, i) => ({ width: i === 1 ? 40 : Math.max(12, h.length + 2) }));
    return ws;
  };
  if (sections.includes('up') || sections.includes('down')) {
  const movers = sheet(lang === 'vi' ? 'Biến động' : 'Movers', [tx('section', lang), tx('code', lang), tx('name', lang), tx('previous', lang), tx('current', lang), tx('change', lang)]);
  for (const [label, list] of [[tx('up', lang), d.up], [tx('down', lang), d.down]] as const) {
    for (const m of list) {
      const row = movers.addRow([text(label), text(m.code), text(nameOf(m, lang)), m.previous, m.current, m.change]);
      for (const c of [4, 5, 6]) row.getCell(c).numFmt = '0.0%';
    }
  }
  }
  if (sections.includes('red')) {
  const red = sheet(lang === 'vi' ? 'KPI đỏ' : 'Red KPIs', [tx('code', lang), tx('name', lang), tx('achievement', lang), tx('reasons', lang)]);
  for (const r of d.red) {
    const row = red.addRow([text(r.code), text(nameOf(r, lang)), r.achievement, text(r.reasons.map((x) => reasonText(x, lang)).join('; '))]);
    row.getCell(3).numFmt = '0.0%';
  }
  }
  if (sections.includes('late')) {
  const late = sheet(lang === 'vi' ? 'Chưa báo cáo' : 'Late', [tx('code', lang), tx('name', lang), tx('target', lang)]);
  for (const l of d.late) late.addRow([text(l.code), text(nameOf(l, lang)), l.target]).getCell(3).numFmt = '#,##0.##';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function digestPdf(d: DigestView, scopeLabel: string, lang: Lang, generatedOn: string, sections: readonly DigestSection[]) {
  const table = (header: string[], rows: (string | Record<string, unknown>)[][]) =>
    rows.length
      ? { table: { headerRows: 1, widths: header.map((_, i) => (i === 1 ? '*' : 'auto')), body: [header.map((h) => cell(h, { style: 'th' })), ...rows] }, layout: 'lightHorizontalLines' }
      : { text: tx('none', lang), style: 'meta' };
  const moverRows = (list: DigestView['up']) => list.map((m) => [m.code, nameOf(m, lang), right(formatPercent(m.previous, lang)), right(formatPercent(m.current, lang)), right(points(m.change, lang))]);
  const moverHeader = [tx('code', lang), tx('name', lang), tx('previous', lang), tx('current', lang), tx('change', lang)];
  const parts: Record<DigestSection, () => Record<string, unknown>> = {
    up: () => table(moverHeader, moverRows(d.up)),
    down: () => table(moverHeader, moverRows(d.down)),
    red: () =>
      table(
        [tx('code', lang), tx('name', lang), tx('achievement', lang), tx('reasons', lang)],
        d.red.map((r) => [r.code, nameOf(r, lang), right(formatPercent(r.achievement, lang)), nfc(r.reasons.map((x) => reasonText(x, lang)).join('; ') || tx('noReason', lang))]),
      ),
    late: () => table([tx('code', lang), tx('name', lang)], d.late.map((l) => [l.code, nameOf(l, lang)])),
  };
  return a4Document(
    [{ text: nfc(digestHeading(d, scopeLabel, lang)), style: 'title' }, ...sections.flatMap((x) => [{ text: tx(x, lang), style: 'h2' }, parts[x]()])],
    lang,
    generatedOn,
    tx('title', lang),
  );
}

/** The digest as an attachment. */
export async function digestFile(
  d: DigestView,
  o: { scopeLabel: string; lang: Lang; format: 'pdf' | 'xlsx'; generatedOn: string; baseName: string; sections?: readonly DigestSection[] | undefined },
): Promise<ReportFile> {
  const sections = o.sections ?? ALL_SECTIONS;
  const base = `${o.baseName}-${d.period.key}`;
  if (o.format === 'xlsx') return { fileName: `${base}.xlsx`, contentType: CONTENT_TYPE.xlsx, data: await digestXlsx(d, o.lang, sections) };
  return { fileName: `${base}.pdf`, contentType: CONTENT_TYPE.pdf, data: await renderPdf(digestPdf(d, o.scopeLabel, o.lang, o.generatedOn, sections)) };
}
