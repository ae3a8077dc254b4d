import { IMPORT_LIMITS, cellTooLong, columnLetters, tooManyColumns } from './limits';

/** One CSV record and the line it starts on (1-based, as a spreadsheet numbers rows). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unclosed_quote' | 'text_after_quote',
  ) {
    super(`CSV syntax error on line ${line}: ${reason}`);
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * RFC 4180 CSV in one tight loop over the text: quoted fields with `""` escapes and line breaks,
 * CRLF or LF line ends, blank lines skipped. About ten times faster than a general parser with
 * line numbers turned on, which matters at a million rows. Bounded as it goes: a record with more than
 * IMPORT_LIMITS.maxColumns cells throws TOO_MANY_COLUMNS (its cells past the limit are counted, not kept),
 * a cell longer than IMPORT_LIMITS.maxCellChars throws CELL_TOO_LONG.
 */
export function* csvRecords(text: string, delimiter: ',' | ';'): Generator<CsvRecord> {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const maxColumns = IMPORT_LIMITS.maxColumns;
  const maxChars = IMPORT_LIMITS.maxCellChars;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let extra = 0;
    const keep = (value: string) => {
      if (value.length > maxChars) throw cellTooLong(value.length, { row: startLine, column: columnLetters(cells.length + extra + 1) });
      if (cells.length < maxColumns) cells.push(value);
      else extra++;
    };
    let blank = true;
    // One record.
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        blank = false;
        let value = '';
        let from = ++i;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(startLine, 'unclosed_quote');
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += text.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            value += text.slice(from, i);
            i++;
            break;
          }
          if (c === LF) line++;
          i++;
        }
        keep(value);
        const c = i < n ? text.charCodeAt(i) : LF;
        if (c === d) {
          i++;
          continue;
        }
        if (c === CR && (i + 1 >= n || text.charCodeAt(i + 1) === LF)) i++;
        if (i >= n || text.charCodeAt(i) === LF) {
          i++;
          line++;
          break;
        }
        throw new CsvSyntaxError(line, 'text_after_quote');
      }
      const from = i;
      let c = 0;
      while (i < n && (c = text.charCodeAt(i)) !== d && c !== LF) i++;
      let end = i;
      if (end > from && text.charCodeAt(end - 1) === CR && (i >= n || c === LF)) end--;
      const value = text.slice(from, end);
      if (value !== '') blank = false;
      keep(value);
      if (i < n && c === d) {
        blank = false;
        i++;
        continue;
      }
      i++;
      line++;
      break;
    }
    if (extra > 0) throw tooManyColumns(cells.length + extra, { row: startLine });
    if (!blank) yield { line: startLine, cells };
  }
}

/**
 * `;` when the first line has more semicolons than commas (Excel in Vietnamese/European locales), else `,`.
 * Quoted text is not counted: a header like `"a; b"` says nothing about the delimiter.
 */
export function detectDelimiter(text: string): ',' | ';' {
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (let k = 0; k < first.length; k++) {
    const c = first[k];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ',') commas++;
    else if (c === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}
