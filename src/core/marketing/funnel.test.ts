import { describe, expect, it } from 'vitest';
import { funnelOf } from './funnel';

describe('a channel funnel', () => {
  it('converts each step as a ratio of sums; the total is the funnel of the summed steps', () => {
    // Email: 1,200 reached → 84 leads → 21 sales → 42,000,000 ₫; Zalo: 800 → 96 → 32 → 64,000,000 ₫.
    const email = funnelOf({ recipients: 1200, responses: 84, acquisitions: 21, revenue: 42_000_000 });
    expect(email).toEqual({ traffic: 1200, leads: 84, sales: 21, revenue: 42_000_000, leadRate: 0.07, closeRate: 0.25, salesRate: 0.0175, revenuePerSale: 2_000_000 });
    const total = funnelOf({ recipients: 2000, responses: 180, acquisitions: 53, revenue: 106_000_000 });
    // 180/2000 = 9 % (the mean of 7 % and 12 % would be 9.5 %); 53/180 = 0.29444…, not the mean of 25 % and 33.3 %.
    expect(total.leadRate).toBe(0.09);
    expect(total.closeRate).toBeCloseTo(0.294444, 6);
    expect(total.revenuePerSale).toBe(2_000_000);
  });

  it('a step over zero has no rate', () => {
    expect(funnelOf({ recipients: 0, responses: 0, acquisitions: 0, revenue: 0 })).toMatchObject({ leadRate: null, closeRate: null, salesRate: null, revenuePerSale: null });
  });
});
