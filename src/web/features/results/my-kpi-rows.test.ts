import { describe, expect, it } from 'vitest';
import type { KpiListItemT } from '../kpi/types';
import { myKpiRows, paceToShow } from './my-kpi-rows';
import type { KpiSeriesT, ScorecardT } from './types';

const kpi = (code: string, ownerId: number | null, measurerId: number | null = null) => ({ code, ownerId, measurerId }) as unknown as KpiListItemT;
const card = (items: [string, number | null][]) => ({ items: items.map(([code, target]) => ({ code, target })) }) as unknown as ScorecardT;

describe('the rows of "KPI của tôi"', () => {
  const kpis = [kpi('REVENUE', 1, 7), kpi('ORDERS', 7), kpi('LEADS', 2)];

  it('puts his personal targets first, then what he owns or measures at company scope', () => {
    // Person 7 has a 36 tỷ REVENUE target for the year (year card) and measures REVENUE, owns ORDERS.
    const rows = myKpiRows(kpis, 7, [card([['REVENUE', null], ['LEADS', null]]), card([['REVENUE', 36e9]])]);
    expect(rows.map((r) => [r.kpi.code, r.scope, r.personal, r.roles])).toEqual([
      ['REVENUE', 'person:7', true, []],
      ['REVENUE', 'company', false, ['measurer']],
      ['ORDERS', 'company', false, ['owner']],
    ]);
  });

  it('has nothing for a user without a person', () => {
    expect(myKpiRows(kpis, null, [card([['REVENUE', 1]])])).toEqual([]);
  });

  it("shows the period's pace, else the year's (a yearly personal target)", () => {
    const year = { target: 36e9 };
    expect(paceToShow({ pace: { period: null, year } } as unknown as KpiSeriesT)).toBe(year);
  });
});
