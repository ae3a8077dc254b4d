import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfDoc } from '../../core/reports/pdf-common';

interface PdfMake {
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(doc: PdfDoc): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
let loaded: PdfMake | undefined;

/** pdfmake (server build) with its bundled Roboto, which has the Vietnamese glyphs; no URL and no other local file may be read. */
function pdfmake(): PdfMake {
  if (loaded) return loaded;
  const lib = require('pdfmake') as PdfMake;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const font = (file: string) => join(fontDir, file);
  lib.addFonts({ Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') } });
  lib.setUrlAccessPolicy(() => false);
  lib.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  loaded = lib;
  return lib;
}

export async function renderPdf(doc: PdfDoc): Promise<Buffer> {
  return Buffer.from(await pdfmake().createPdf(doc).getBuffer());
}
