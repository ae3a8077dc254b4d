import { describe, expect, it } from 'vitest';
import { diffSnapshots, showValue } from './diff';

describe('diffSnapshots', () => {
  it('marks changed fields and keeps unchanged ones', () => {
    const rows = diffSnapshots({ id: 1, name: 'KD', parentId: 2 }, { id: 1, name: 'Kinh doanh', parentId: 2 });
    expect(rows).toEqual([
      { field: 'id', before: 1, after: 1, changed: false },
      { field: 'name', before: 'KD', after: 'Kinh doanh', changed: true },
      { field: 'parentId', before: 2, after: 2, changed: false },
    ]);
  });
  it('treats a missing before (create) as all fields new', () => {
    const rows = diffSnapshots(null, { id: 7, archived: false });
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['id', true],
      ['archived', true],
    ]);
  });
});

describe('showValue', () => {
  it('prints empties as a dash and objects as JSON', () => {
    expect(showValue(null)).toBe('—');
    expect(showValue(false)).toBe('false');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
