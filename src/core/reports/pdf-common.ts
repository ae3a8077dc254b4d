import type { Lang } from '../errors';
import { t } from './labels';

/** A pdfmake document definition (pdfmake ships no types; these are plain JSON-like objects). */
export type PdfDoc = Record<string, unknown>;
export type PdfNode = Record<string, unknown> | string;

/** A4 portrait, Roboto (bundled with pdfmake, covers Vietnamese), "Trang 1/3" / "Page 1 of 3" and the date in the footer. */
export function a4Document(content: PdfNode[], lang: Lang, generatedOn: string, title: string): PdfDoc {
  return {
    info: { title },
    pageSize: 'A4',
    pageMargins: [36, 40, 36, 48],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] },
      meta: { fontSize: 9, color: '#595959' },
      th: { bold: true, fillColor: '#f0f0f0' },
    },
    content,
    footer: (current: number, pages: number) => ({
      columns: [
        { text: `${t('generatedOn', lang)}: ${generatedOn}`, style: 'meta' },
        { text: `${t('page', lang)} ${current}${t('of', lang)}${pages}`, alignment: 'right', style: 'meta' },
      ],
      margin: [36, 16, 36, 0],
    }),
  };
}

export const cell = (text: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ text, ...extra });
export const right = (text: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ text, alignment: 'right', ...extra });
