import { parseDateCell, type DateStyle } from './dates';
import type { ColumnIndex } from './headers';
import { DecimalVotes, type DecimalStyle } from './numbers';
import type { Cell } from './validate-row';

export interface FileFormatGuess {
  /** The decimal style the number cells show; null when none of them tells (only 1.234-like or plain numbers). */
  decimal: DecimalStyle | null;
  decimalVotes: { comma: number; dot: number; ambiguous: number };
  /** How dates are written in the period/date columns; `mixed` when both forms occur. */
  dates: DateStyle | 'mixed' | null;
}

const MAX_CACHED_DATES = 100_000;

/** A first look at every row: counts them and learns the decimal and date style of the file. */
export class FormatScan {
  rows = 0;
  private votes = new DecimalVotes();
  private dmy = 0;
  private iso = 0;
  private readonly dateStyles = new Map<string, DateStyle | null>();
  private readonly numberColumns: number[];
  private readonly dateColumns: number[];

  constructor(columns: ColumnIndex) {
    const defined = (xs: (number | undefined)[]) => xs.filter((x): x is number => x !== undefined);
    this.numberColumns = defined([columns.value, columns.numerator, columns.denominator]);
    this.dateColumns = defined([columns.period, columns.date]);
  }

  add(cells: readonly Cell[]): void {
    this.rows++;
    for (const i of this.numberColumns) {
      const c = cells[i];
      if (typeof c === 'string' && c !== '') this.votes.add(c);
    }
    for (const i of this.dateColumns) {
      const c = cells[i];
      if (typeof c !== 'string' || c.length < 8) continue;
      const style = this.dateStyle(c);
      if (style === 'dmy') this.dmy++;
      else if (style === 'iso') this.iso++;
    }
  }

  /** The style of a date cell, null when not a date. Files repeat the same dates: each text is parsed once. */
  private dateStyle(text: string): DateStyle | null {
    let style = this.dateStyles.get(text);
    if (style === undefined) {
      const d = parseDateCell(text);
      style = d.ok ? d.style : null;
      if (this.dateStyles.size < MAX_CACHED_DATES) this.dateStyles.set(text, style);
    }
    return style;
  }

  result(): FileFormatGuess {
    return {
      decimal: this.votes.decided(),
      decimalVotes: { comma: this.votes.comma, dot: this.votes.dot, ambiguous: this.votes.ambiguous },
      dates: this.dmy && this.iso ? 'mixed' : this.dmy ? 'dmy' : this.iso ? 'iso' : null,
    };
  }
}
