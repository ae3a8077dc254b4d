import { DecimalVotes, type DecimalStyle } from '../import/numbers';
import type { Cell } from '../import/validate-row';
import { parseCell, type CellFormat } from './cells';
import { hasLeadingZero } from './numbers';
import type { DatasetColumnType } from './types';

/** Rows read to infer the column types and the decimal style; the rest of the file must fit what they decided. */
export const INFER_SAMPLE_ROWS = 10_000;

/** Tried in this order: the first type every non-empty cell of the column fits wins; text fits everything. */
const CANDIDATES: readonly DatasetColumnType[] = ['integer', 'decimal', 'date', 'datetime', 'boolean'];

/**
 * The decimal style of a file: the one its unambiguous numbers use (`1.234,5`, `12,5` → comma; `1,234.5` → dot),
 * else the one that goes with its delimiter (a `;` file comes from a Vietnamese or European Excel: comma).
 */
export function decideDecimal(votes: DecimalVotes, delimiter: ',' | ';' | null): DecimalStyle {
  return votes.decided() ?? (delimiter === ';' ? 'comma' : 'dot');
}

/** Collects sample rows, then says the decimal style and each column's type. */
export class TypeSample {
  readonly votes = new DecimalVotes();
  private readonly rows: Cell[][] = [];

  constructor(private readonly width: number) {}

  get full(): boolean {
    return this.rows.length >= INFER_SAMPLE_ROWS;
  }

  add(cells: Cell[]): void {
    if (this.full) return;
    this.rows.push(cells);
    for (const c of cells) if (typeof c === 'string' && c !== '') this.votes.add(c);
  }

  /** Each column's type given the file's format; overrides are applied by the caller. */
  types(format: CellFormat): DatasetColumnType[] {
    return Array.from({ length: this.width }, (_, i) => inferColumn(this.rows.map((r) => r[i] ?? ''), format));
  }
}

/** The type of one column from its sample cells. */
export function inferColumn(cells: readonly Cell[], format: CellFormat): DatasetColumnType {
  const alive = new Set(CANDIDATES);
  let filled = 0;
  for (const cell of cells) {
    if (typeof cell === 'string' && cell.trim() === '') continue;
    filled++;
    if (typeof cell === 'string' && hasLeadingZero(cell)) {
      alive.delete('integer');
      alive.delete('decimal');
    }
    for (const type of alive) if (!parseCell(cell, type, format).ok) alive.delete(type);
    if (alive.size === 0) return 'text';
  }
  if (filled === 0) return 'text';
  return CANDIDATES.find((t) => alive.has(t)) ?? 'text';
}
