import type { CalendarPeriodKind, Period } from '../period';
import { parsePeriodCell, type ParsedPeriod } from './dates';

/**
 * Files repeat the same few periods: each period text is parsed once per period kind, and every row of a
 * period gets the same Period object (so later steps can key maps by identity). Rows of one period usually
 * follow each other, so the last answer is checked first.
 */
export class PeriodCache {
  private readonly parsed = new Map<CalendarPeriodKind | null, Map<string, ParsedPeriod>>();
  private parsedCount = 0;
  private lastCell = '';
  private lastKind: CalendarPeriodKind | null = null;
  private lastParsed: ParsedPeriod | null = null;
  private readonly periods = new Map<string, Period>();
  private lastIn: Period | null = null;
  private lastOut: Period | null = null;

  parse(cell: string, kind: CalendarPeriodKind | null): ParsedPeriod {
    if (this.lastParsed !== null && cell === this.lastCell && kind === this.lastKind) return this.lastParsed;
    let byText = this.parsed.get(kind);
    if (!byText) this.parsed.set(kind, (byText = new Map()));
    let parsed = byText.get(cell);
    if (!parsed) {
      parsed = parsePeriodCell(cell, kind);
      if (this.parsedCount < 100_000) {
        byText.set(cell, parsed);
        this.parsedCount++;
      }
    }
    this.lastCell = cell;
    this.lastKind = kind;
    this.lastParsed = parsed;
    return parsed;
  }

  /** The one Period object for `p.key`. */
  shared(p: Period): Period {
    if (p === this.lastIn) return this.lastOut!;
    let shared = this.periods.get(p.key);
    if (!shared) this.periods.set(p.key, (shared = p));
    this.lastIn = p;
    this.lastOut = shared;
    return shared;
  }
}
