import { describe, expect, it } from 'vitest';
import { DecimalVotes } from '../import/numbers';
import type { CellFormat } from './cells';
import { decideDecimal, inferColumn, TypeSample } from './infer';

const VI: CellFormat = { decimal: 'comma', dates: 'dmy' };
const EN: CellFormat = { decimal: 'dot', dates: 'dmy' };

describe('inferColumn', () => {
  it.each([
    [['1', '2', '-3', ''], EN, 'integer'],
    [['1.234', '12'], VI, 'integer'],
    [['1.234', '12'], EN, 'decimal'],
    [['12,5', '3'], VI, 'decimal'],
    [['15/03/2026', '2026-04-01'], VI, 'date'],
    [['15/03/2026 10:00', '16/03/2026'], VI, 'datetime'],
    [['có', 'không', 'Có'], VI, 'boolean'],
    [['1', '0', '1'], VI, 'integer'],
    [['0912345678', '0987654321'], VI, 'text'],
    [['007', '8'], VI, 'text'],
    [['Hà Nội', '12'], VI, 'text'],
    [['', ' '], VI, 'text'],
  ] as const)('%j (%j) → %s', (cells, format, type) => {
    expect(inferColumn(cells, format)).toBe(type);
  });
});

describe('decimal style of a file', () => {
  it('follows the unambiguous numbers, else the delimiter', () => {
    const votes = new DecimalVotes();
    for (const c of ['1.234', '5.678']) votes.add(c);
    expect(decideDecimal(votes, ';')).toBe('comma');
    expect(decideDecimal(votes, ',')).toBe('dot');
    votes.add('1,5');
    expect(decideDecimal(votes, ',')).toBe('comma');
  });

  it('infers per column from the sample rows', () => {
    const sample = new TypeSample(3);
    sample.add(['A1', '1.234.567,5', '15/03/2026']);
    sample.add(['A2', '12', '16/03/2026']);
    const decimal = decideDecimal(sample.votes, ';');
    expect(decimal).toBe('comma');
    expect(sample.types({ decimal, dates: 'dmy' })).toEqual(['text', 'decimal', 'date']);
  });
});
