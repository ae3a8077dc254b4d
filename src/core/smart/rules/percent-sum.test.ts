import { describe, expect, it } from 'vitest';
import { checkPercentSum } from './percent-sum';

describe('a sum of percentages', () => {
  it('warns when a % or ratio KPI adds its periods up', () => {
    const [f] = checkPercentSum({ unit: '%', aggregation: 'sum' });
    expect(f).toMatchObject({ letter: 'M', code: 'SMART_M_PERCENT_SUM', severity: 'warning' });
    expect(f!.message.vi).toContain('phần trăm');
    expect(f!.suggestion.en).toContain('Average');
    expect(checkPercentSum({ unit: 'ratio', aggregation: 'sum' })).toHaveLength(1);
  });
  it('stays quiet for averages, ratios of sums, and amounts', () => {
    expect(checkPercentSum({ unit: '%', aggregation: 'avg' })).toEqual([]);
    expect(checkPercentSum({ unit: '%', aggregation: 'ratio' })).toEqual([]);
    expect(checkPercentSum({ unit: 'VND', aggregation: 'sum' })).toEqual([]);
  });
});
