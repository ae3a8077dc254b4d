import { describe, expect, it } from 'vitest';
import { periodForKpi } from './period-for-kpi';

describe('periodForKpi', () => {
  it('accepts a period of the KPI frequency', () => {
    const r = periodForKpi('monthly', '2026-03');
    expect(r).toEqual({ ok: true, period: { kind: 'month', key: '2026-03', start: '2026-03-01', end: '2026-03-31' } });
  });

  it('rejects another kind or an invalid key', () => {
    const q = periodForKpi('monthly', '2026-Q1');
    expect(q.ok ? null : q.issue.code).toBe('wrong_frequency');
    const bad = periodForKpi('monthly', '2026-13');
    expect(bad.ok ? null : bad.issue.code).toBe('invalid_period');
  });
});
