import { describe, expect, it } from 'vitest';
import { initialCycleForm, toCycleBody } from './cycle-form';

describe('toCycleBody', () => {
  it('starts from the default bands A ≥ 105 %, B ≥ 95 %, C ≥ 80 %, D', () => {
    expect(initialCycleForm().bands.map((b) => [b.grade, b.min])).toEqual([
      ['A', 1.05],
      ['B', 0.95],
      ['C', 0.8],
      ['D', 0],
    ]);
  });

  it('sends the picked deadlines, the bands and a distribution only for the grades that have a share', () => {
    const body = toCycleBody({
      ...initialCycleForm(),
      code: ' 2026-Q3 ',
      name: 'Quý 3/2026',
      period: '2026-Q3',
      deadlines: { agree: '2026-07-15', self: null, review: undefined, locked: '2026-10-10' },
      bands: [
        { grade: 'A', min: 1.05, share: 0.15 },
        { grade: 'B', min: 0.95, share: 0.35 },
        { grade: 'C', min: 0.8, share: null },
        { grade: 'D', min: 0, share: null },
      ],
      secondApproval: true,
    });
    expect(body).toEqual({
      code: '2026-Q3',
      name: 'Quý 3/2026',
      frequency: 'quarterly',
      period: '2026-Q3',
      deadlines: { agree: '2026-07-15', locked: '2026-10-10' },
      missing: 'renormalize',
      bands: [
        { grade: 'A', min: 1.05 },
        { grade: 'B', min: 0.95 },
        { grade: 'C', min: 0.8 },
        { grade: 'D', min: 0 },
      ],
      distribution: { A: 0.15, B: 0.35 },
      secondApproval: true,
    });
  });

  it('sends no distribution when no grade has a share', () => {
    expect(toCycleBody({ ...initialCycleForm(), code: 'X', name: 'X', period: '2026' }).distribution).toBeNull();
  });
});
