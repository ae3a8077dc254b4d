import { describe, expect, it } from 'vitest';
import { diffSnapshots, showValue } from './diff';

const brief = (rows: ReturnType<typeof diffSnapshots>) => rows.map((r) => [r.field, r.before, r.after, r.changed]);

describe('diffSnapshots', () => {
  it('marks changed fields and keeps unchanged ones', () => {
    const rows = diffSnapshots({ id: 1, name: 'KD', parentId: 2 }, { id: 1, name: 'Kinh doanh', parentId: 2 });
    expect(rows).toEqual([
      { field: 'id', path: ['id'], before: 1, after: 1, changed: false },
      { field: 'name', path: ['name'], before: 'KD', after: 'Kinh doanh', changed: true },
      { field: 'parentId', path: ['parentId'], before: 2, after: 2, changed: false },
    ]);
  });

  it('treats a missing before (create) as all fields new', () => {
    const rows = diffSnapshots(null, { id: 7, archived: false });
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['id', true],
      ['archived', true],
    ]);
  });

  it('compares a monthly plan month by month, showing only the months that changed', () => {
    const target = (period: string, value: number) => ({ id: 1, kpiId: 3, period, scope: { type: 'unit', id: 3 }, start: `${period}-01`, end: `${period}-28`, value, locked: false });
    const before = [target('2026-01', 9_500_000_000), target('2026-02', 9_500_000_000), target('2026-03', 9_500_000_000)];
    const after = [target('2026-01', 9_500_000_000), target('2026-02', 8_000_000_000), target('2026-03', 11_000_000_000), target('2026-04', 9_000_000_000)];
    expect(brief(diffSnapshots(before, after))).toEqual([
      ['[2026-02].value', 9_500_000_000, 8_000_000_000, true],
      ['[2026-03].value', 9_500_000_000, 11_000_000_000, true],
      ['[2026-04].value', undefined, 9_000_000_000, true],
      ['[2026-04].locked', undefined, false, true],
    ]);
    expect(diffSnapshots(before, after)[0]?.path).toEqual(['[2026-02]', 'value']);
  });

  it('compares nested objects and lists of a KPI field by field', () => {
    const before = { code: 'SALES_MB_REVENUE', parents: [{ code: 'REVENUE', weight: 0.35 }], baseline: { period: '2025', value: 85e9 }, tags: ['kinh-doanh'] };
    const after = { code: 'SALES_MB_REVENUE', parents: [{ code: 'REVENUE', weight: 0.4 }], baseline: { period: '2025', value: 85e9 }, tags: ['kinh-doanh', 'mien-bac'] };
    expect(brief(diffSnapshots(before, after))).toEqual([
      ['code', 'SALES_MB_REVENUE', 'SALES_MB_REVENUE', false],
      ['parents.[REVENUE].weight', 0.35, 0.4, true],
      ['tags', ['kinh-doanh'], ['kinh-doanh', 'mien-bac'], true],
    ]);
  });

  it('lists a removed list item and a change from nothing to a list', () => {
    expect(brief(diffSnapshots({ parents: [{ code: 'REVENUE', weight: 1 }] }, { parents: [] }))).toEqual([
      ['parents.[REVENUE].weight', 1, undefined, true],
      ['parents', undefined, [], true],
    ]);
  });
});

describe('showValue', () => {
  it('prints empties as a dash, plain lists joined and objects as JSON', () => {
    expect(showValue(null)).toBe('—');
    expect(showValue(false)).toBe('false');
    expect(showValue(['a', 'b'])).toBe('a, b');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
