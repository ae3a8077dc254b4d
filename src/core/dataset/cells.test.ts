import { describe, expect, it } from 'vitest';
import { parseCell, type CellFormat } from './cells';
import { parseDateTime } from './dates';
import { exactNumber, exactOfNumber } from './numbers';

const VI: CellFormat = { decimal: 'comma', dates: 'dmy' };
const EN: CellFormat = { decimal: 'dot', dates: 'dmy' };

describe('exact numbers', () => {
  it.each([
    ['1.234.567,5', 'comma', '1234567.5'],
    ['1,234,567.5', 'dot', '1234567.5'],
    ['1.234.567,50', 'comma', '1234567.5'],
    ['0,10', 'comma', '0.1'],
    [',5', 'comma', '0.5'],
    ['-12,5', 'comma', '-12.5'],
    ['(1.234)', 'comma', '-1234'],
    ['12,5%', 'comma', '0.125'],
    ['5%', 'dot', '0.05'],
    ['20.000.000 ₫', 'comma', '20000000'],
    ['-0,0', 'comma', '0'],
    ['12345678901234567890.123456789', 'dot', '12345678901234567890.123456789'],
  ] as const)('%s (%s) → %s', (text, style, value) => {
    expect(exactNumber(text, style)).toMatchObject({ ok: true, value });
  });

  it.each([
    ['1,234.5', 'comma'],
    ['1.5', 'comma'],
    ['1.23.4', 'comma'],
    ['12a', 'dot'],
    ['', 'dot'],
    ['1,5,6', 'comma'],
  ] as const)('%s is not a number in %s style', (text, style) => {
    expect(exactNumber(text, style).ok).toBe(false);
  });

  it('reads an XLSX number cell exactly as its shortest text', () => {
    expect(exactOfNumber(1234567.5)).toMatchObject({ value: '1234567.5', integer: false });
    expect(exactOfNumber(1e21)).toMatchObject({ value: '1000000000000000000000', integer: true });
    expect(exactOfNumber(1.5e-7)).toMatchObject({ value: '0.00000015' });
  });
});

describe('dates', () => {
  it('reads dd/mm/yyyy by default, ISO always', () => {
    expect(parseDateTime('05/03/2026', 'dmy')).toEqual({ ok: true, date: '2026-03-05', time: null });
    expect(parseDateTime('05/03/2026', 'mdy')).toEqual({ ok: true, date: '2026-05-03', time: null });
    expect(parseDateTime('2026-03-05', 'mdy')).toEqual({ ok: true, date: '2026-03-05', time: null });
    expect(parseDateTime('31/02/2026', 'dmy')).toEqual({ ok: false, reason: 'impossible_date' });
    expect(parseDateTime('hôm qua', 'dmy')).toEqual({ ok: false, reason: 'not_a_date' });
  });

  it('keeps the offset a datetime gives and none when it gives none', () => {
    expect(parseDateTime('31/01/2026 23:30', 'dmy')).toEqual({ ok: true, date: '2026-01-31', time: '23:30:00' });
    expect(parseDateTime('2026-01-31T16:30:00Z', 'dmy')).toEqual({ ok: true, date: '2026-01-31', time: '16:30:00+00:00' });
    expect(parseDateTime('2026-01-31 23:30:15.25+0700', 'dmy')).toEqual({ ok: true, date: '2026-01-31', time: '23:30:15.25+07:00' });
    expect(parseDateTime('31/01/2026 24:00', 'dmy')).toEqual({ ok: false, reason: 'impossible_date' });
  });
});

describe('parseCell', () => {
  it('gives the same stored text for the Vietnamese and the English way of writing a value', () => {
    expect(parseCell('1.234.567,5', 'decimal', VI)).toEqual(parseCell('1,234,567.5', 'decimal', EN));
    expect(parseCell('1.234.567', 'integer', VI)).toEqual({ ok: true, value: '1234567' });
    expect(parseCell('15/03/2026', 'date', VI)).toEqual(parseCell('2026-03-15', 'date', EN));
  });

  it('turns blank cells into empty values in every type', () => {
    for (const type of ['text', 'integer', 'decimal', 'date', 'datetime', 'boolean'] as const) expect(parseCell('  ', type, VI)).toEqual({ ok: true, value: null });
  });

  it('says what is wrong with a cell', () => {
    expect(parseCell('12,5', 'integer', VI)).toEqual({ ok: false, problem: 'not_integer' });
    expect(parseCell('99999999999999999999', 'integer', EN)).toEqual({ ok: false, problem: 'integer_range' });
    expect(parseCell('abc', 'decimal', EN)).toEqual({ ok: false, problem: 'not_decimal' });
    expect(parseCell('có lẽ', 'boolean', EN)).toEqual({ ok: false, problem: 'not_boolean' });
    expect(parseCell('=HYPERLINK("x")', 'text', EN)).toEqual({ ok: false, problem: 'formula_injection' });
    expect(parseCell('a\0b', 'text', EN)).toEqual({ ok: false, problem: 'invalid_text' });
    expect(parseCell('15/03/2026 10:00', 'date', VI)).toEqual({ ok: false, problem: 'not_date' });
  });

  it('keeps text as written, SQL-looking or not', () => {
    expect(parseCell("x'); DROP TABLE people; --", 'text', EN)).toEqual({ ok: true, value: "x'); DROP TABLE people; --" });
    expect(parseCell('-5', 'text', EN)).toEqual({ ok: true, value: '-5' });
  });

  it('reads no inherited property name as a boolean', () => {
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(parseCell(word, 'boolean', EN), word).toEqual({ ok: false, problem: 'not_boolean' });
  });

  it('reads yes/no in Vietnamese and English', () => {
    expect(parseCell('Có', 'boolean', VI)).toEqual({ ok: true, value: 't' });
    expect(parseCell('không', 'boolean', VI)).toEqual({ ok: true, value: 'f' });
    expect(parseCell('FALSE', 'boolean', EN)).toEqual({ ok: true, value: 'f' });
  });
});

describe('the fast path of exact numbers', () => {
  it('gives what the full path gives', () => {
    const cases = ['0', '-0', '7', '-12', '1234', '1234.5', '1234,5', '0.5', '-0.5', '0,5', '00.5', '1.50', '5.', '.5', '-', '1.2.3', '007', '12345678901234567890123456789012345678901'];
    for (const text of cases) {
      for (const style of ['comma', 'dot'] as const) {
        // The full path alone: a leading space sends the cell past the fast path, and is removed by it.
        expect(exactNumber(text, style), `${text} ${style}`).toEqual(exactNumber(` ${text}`, style));
      }
    }
    expect(exactNumber('-0', 'dot')).toEqual({ ok: true, value: '0', integer: true });
    expect(exactNumber('1234,5', 'comma')).toEqual({ ok: true, value: '1234.5', integer: false });
  });
});
