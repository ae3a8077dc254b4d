import { describe, expect, it } from 'vitest';
import { aggregationAfterUnitChange, defaultAggregationFor } from './form-values';

describe('the aggregation a KPI form proposes', () => {
  it('sums amounts and counts, averages percentages, ratios, scores and days', () => {
    expect(defaultAggregationFor('VND')).toBe('sum');
    expect(defaultAggregationFor('count')).toBe('sum');
    expect(defaultAggregationFor(null)).toBe('sum');
    expect(defaultAggregationFor('%')).toBe('avg');
    expect(defaultAggregationFor('ratio')).toBe('avg');
  });
  it('follows the unit while the user has not chosen, and keeps a deliberate choice', () => {
    // A new KPI starts at "Tổng" with no unit; picking % switches it to "Trung bình".
    expect(aggregationAfterUnitChange('sum', null, '%')).toBe('avg');
    expect(aggregationAfterUnitChange('avg', '%', 'VND')).toBe('sum');
    // The user chose ratio of sums for a %: changing the unit to ratio keeps it.
    expect(aggregationAfterUnitChange('ratio', '%', 'ratio')).toBe('ratio');
    expect(aggregationAfterUnitChange('last', 'VND', '%')).toBe('last');
  });
});
