import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestKpiInput } from './digest-rules';

const kpi = (code: string, achievement: number | null, extra: Partial<DigestKpiInput> = {}): DigestKpiInput => ({
  code,
  name: `KPI ${code}`,
  nameEn: null,
  target: 100,
  actual: achievement === null ? null : achievement * 100,
  achievement,
  status: 'green',
  inProgress: false,
  ...extra,
});

describe('the management digest of a small fixture', () => {
  // November → December: A 90 % → 110 % (+20 points), B 95 % → 70 % (−25), C 80 % → 80 % (0),
  // D no November value, E 60 % → 50 % (−10, red, two reasons), F no December value (late), G no value but still running.
  const previous = [kpi('A', 0.9), kpi('B', 0.95), kpi('C', 0.8), kpi('D', null), kpi('E', 0.6), kpi('F', 1)];
  const current = [
    kpi('A', 1.1),
    kpi('B', 0.7, { status: 'amber' }),
    kpi('C', 0.8),
    kpi('D', 1.05),
    kpi('E', 0.5, { status: 'red' }),
    kpi('F', null, { status: 'none' }),
    kpi('G', null, { status: 'none', inProgress: true }),
  ];
  const reasons = new Map([
    [
      'E',
      [
        { reason: 'unrealistic_target', comment: 'Chỉ tiêu gấp đôi năm trước', controllable: false },
        { reason: 'missing_skills', comment: null, controllable: true },
      ],
    ],
  ]);
  const d = buildDigest(current, previous, reasons);

  it('lists the movers up and down by the size of the change, without unchanged or unmatched KPIs', () => {
    expect(d.up).toEqual([{ code: 'A', name: 'KPI A', nameEn: null, previous: 0.9, current: 1.1, change: 0.2 }]);
    expect(d.down.map((m) => [m.code, m.change])).toEqual([
      ['B', -0.25],
      ['E', -0.1],
    ]);
  });

  it('lists red KPIs with their recorded reasons, and late measurements of ended periods only', () => {
    expect(d.red).toEqual([{ code: 'E', name: 'KPI E', nameEn: null, achievement: 0.5, reasons: reasons.get('E') }]);
    expect(d.late).toEqual([{ code: 'F', name: 'KPI F', nameEn: null, target: 100 }]);
  });

  it('keeps the top five each way, ties by code', () => {
    const before = ['P', 'Q', 'R', 'S', 'T', 'U', 'V'].map((c) => kpi(c, 0.5));
    const after = [kpi('P', 0.6), kpi('Q', 0.9), kpi('R', 0.7), kpi('S', 0.7), kpi('T', 0.8), kpi('U', 0.55), kpi('V', 0.65)];
    expect(buildDigest(after, before, new Map()).up.map((m) => m.code)).toEqual(['Q', 'T', 'R', 'S', 'V']);
  });
});
