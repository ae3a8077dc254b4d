import { IMPORT_LIMITS } from '../../core/import/limits';
import { Turns } from './turns';
import { SheetRowsHandler, type XlsxRow } from './xlsx-sheet-rows';
import { SharedStringsHandler, dateStylesOf, partTooLarge, relationTarget, workbookInfo } from './xlsx-parts';
import { XmlScanner } from './xml-scanner';
import { readZipDirectory, type ZipEntry } from './zip-directory';
import { entryChunks, entryText } from './zip-entry';

export interface XlsxSheet {
  /** The first worksheet's non-empty rows, streamed from the zip each time it is called. */
  rows(): AsyncGenerator<XlsxRow>;
}

/**
 * Opens an XLSX without trusting it: the zip directory is checked against IMPORT_LIMITS before anything
 * is inflated, the small parts (workbook, relations, styles, shared strings) are read within their own
 * bounds, and the sheet is streamed row by row. Returns null when the zip holds no workbook.
 */
export async function openXlsx(data: Buffer): Promise<XlsxSheet | null> {
  const entries = readZipDirectory(data);
  const small = (entry: ZipEntry) => entryText(data, entry, IMPORT_LIMITS.maxSmallPartBytes, () => partTooLarge(entry.name));
  const workbookEntry = entries.get('xl/workbook.xml');
  if (!workbookEntry) return null;
  const workbook = workbookInfo(await small(workbookEntry));
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  const target = rels && workbook.firstSheetRelation ? relationTarget(await small(rels), workbook.firstSheetRelation) : undefined;
  const sheetEntry = (target && entries.get(target)) || firstWorksheet(entries);
  if (!sheetEntry) return null;

  const stylesEntry = entries.get('xl/styles.xml');
  const dateStyles = stylesEntry ? dateStylesOf(await small(stylesEntry)) : [];
  const sharedStrings = await readSharedStrings(data, entries.get('xl/sharedStrings.xml'));
  const ctx = { sharedStrings, dateStyles, date1904: workbook.date1904 };

  return {
    async *rows() {
      const handler = new SheetRowsHandler(ctx);
      const scanner = new XmlScanner(handler);
      const decoder = new TextDecoder('utf-8');
      const turns = new Turns();
      for await (const chunk of entryChunks(data, sheetEntry)) {
        scanner.push(decoder.decode(chunk, { stream: true }));
        const ready = handler.ready;
        handler.ready = [];
        for (const r of ready) {
          yield r;
          await turns.maybeYield();
        }
        if (handler.done) return;
      }
    },
  };
}

function firstWorksheet(entries: Map<string, ZipEntry>): ZipEntry | undefined {
  const sheets = [...entries.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  sheets.sort((a, b) => Number(/\d+/.exec(a.slice(14))?.[0]) - Number(/\d+/.exec(b.slice(14))?.[0]));
  return sheets[0] === undefined ? undefined : entries.get(sheets[0]);
}

async function readSharedStrings(data: Buffer, entry: ZipEntry | undefined): Promise<string[]> {
  if (!entry) return [];
  if (entry.uncompressedSize > IMPORT_LIMITS.maxSharedStringsBytes) throw partTooLarge(entry.name);
  const handler = new SharedStringsHandler();
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder('utf-8');
  const turns = new Turns();
  for await (const chunk of entryChunks(data, entry)) {
    scanner.push(decoder.decode(chunk, { stream: true }));
    await turns.maybeYield();
  }
  return handler.strings;
}
