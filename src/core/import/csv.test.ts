import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvRecords, detectDelimiter } from './csv';

describe('csvRecords', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes, CRLF and skips blank lines', () => {
    const text = 'a,b\r\n\r\n"x\ny","say ""hi"""\r\n3,,\n';
    expect([...csvRecords(text, ',')]).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['x\ny', 'say "hi"'] },
      { line: 5, cells: ['3', '', ''] },
    ]);
  });

  it('reports an unclosed quote and text after a closing quote with the line', () => {
    expect(() => [...csvRecords('a\n"b,c\n', ',')]).toThrow(CsvSyntaxError);
    expect(() => Array.from(csvRecords('a\nb\n"c"x,d\n', ','))).toThrow(expect.objectContaining({ line: 3, reason: 'text_after_quote' }));
  });

  it('detects ; when the header has more semicolons than commas', () => {
    expect(detectDelimiter('Mã KPI;Kỳ;Giá trị\nA;1,5;2')).toBe(';');
    expect(detectDelimiter('KPI code,Period,Value\n')).toBe(',');
    // Semicolons inside quotes are text, not delimiters.
    expect(detectDelimiter('"x""; DROP TABLE people; --",note\n')).toBe(',');
  });
});
