import { IMPORT_LIMITS, cellTooLong, fileInvalid } from '../../core/import/limits';
import { attribute, decodeXmlText, XmlScanner, type XmlHandler } from './xml-scanner';

/** Reads xl/sharedStrings.xml: one text per `<si>` (rich-text runs joined, phonetic guides left out). */
export class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  capturing = false;
  done = false;
  private raw = '';
  private parts: string[] = [];
  private inPhonetic = 0;

  open(name: string): void {
    if (name === 'si') this.parts = [];
    else if (name === 'rPh') this.inPhonetic++;
    else if (name === 't' && this.inPhonetic === 0) {
      this.capturing = true;
      this.raw = '';
    }
  }

  close(name: string): void {
    if (name === 't' && this.capturing) {
      this.capturing = false;
      this.parts.push(decodeXmlText(this.raw));
    } else if (name === 'rPh') this.inPhonetic--;
    else if (name === 'si') {
      const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
      if (text.length > IMPORT_LIMITS.maxCellChars) throw cellTooLong(text.length);
      this.strings.push(text);
    }
  }

  text(raw: string): void {
    this.raw += raw;
    if (this.raw.length > IMPORT_LIMITS.maxCellChars * 8) throw cellTooLong(this.raw.length, {}, false);
  }
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code shows a date when, outside quoted text, escapes and [colour/locale] brackets, it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare.split(';')[0] ?? '');
}

/** Reads xl/styles.xml: for each cell style (`cellXfs`), whether its number format is a date. */
export function dateStylesOf(stylesXml: string): boolean[] {
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const scanner = new XmlScanner({
    capturing: false,
    done: false,
    text() {},
    open(name, tag) {
      if (name === 'numFmt') custom.set(Number(attribute(tag, 'numFmtId')), isDateFormatCode(attribute(tag, 'formatCode') ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0);
        styles.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  scanner.push(stylesXml);
  return styles;
}

/** From xl/workbook.xml: the first sheet's relation id and the date system. */
export function workbookInfo(workbookXml: string): { firstSheetRelation: string | undefined; date1904: boolean } {
  let firstSheetRelation: string | undefined;
  let date1904 = false;
  new XmlScanner({
    capturing: false,
    done: false,
    text() {},
    open(name, tag) {
      if (name === 'workbookPr') {
        const v = attribute(tag, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet' && firstSheetRelation === undefined) {
        firstSheetRelation = attribute(tag, 'r:id') ?? /\s[\w]+:id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
      }
    },
    close() {},
  }).push(workbookXml);
  return { firstSheetRelation, date1904 };
}

/** From xl/_rels/workbook.xml.rels: the zip path of relation `id` (targets are relative to xl/). */
export function relationTarget(relsXml: string, id: string): string | undefined {
  let target: string | undefined;
  new XmlScanner({
    capturing: false,
    done: false,
    text() {},
    open(name, tag) {
      if (name === 'Relationship' && attribute(tag, 'Id') === id) target = attribute(tag, 'Target');
    },
    close() {},
  }).push(relsXml);
  if (target === undefined) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

export const partTooLarge = (name: string) =>
  fileInvalid('part_size', { vi: `phần "${name}" lớn bất thường.`, en: `part "${name}" is abnormally large.` });
