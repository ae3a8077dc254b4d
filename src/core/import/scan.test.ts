import { describe, expect, it } from 'vitest';
import { FormatScan } from './scan';

describe('FormatScan', () => {
  it('counts rows, votes on the decimal style and sees the date styles, repeated cells included', () => {
    const scan = new FormatScan({ kpi: 0, period: 1, value: 2 });
    for (const row of [
      ['REV', '15/03/2026', '1.234,5'], // dmy; comma (a `,` after grouped thousands)
      ['REV', '15/03/2026', '2,5'], // dmy again (same text); comma
      ['REV', '2026-03', '1.500'], // a period key, not a date; 1.500 is ambiguous
      ['REV', '31/02/2026', '7'], // not a real date: not counted; 7 is plain
    ]) {
      scan.add(row);
    }
    expect(scan.rows).toBe(4);
    expect(scan.result()).toEqual({ decimal: 'comma', decimalVotes: { comma: 2, dot: 0, ambiguous: 1 }, dates: 'dmy' });
  });

  it('dd/mm/yyyy and ISO dates in one file are mixed', () => {
    const scan = new FormatScan({ kpi: 0, date: 1, value: 2 });
    scan.add(['REV', '2026-03-15', '12.5']);
    scan.add(['REV', '2026-03-15', '12.5']);
    expect(scan.result().dates).toBe('iso');
    scan.add(['REV', '16/03/2026', '3']);
    expect(scan.result()).toEqual({ decimal: 'dot', decimalVotes: { comma: 0, dot: 2, ambiguous: 0 }, dates: 'mixed' });
  });
});
