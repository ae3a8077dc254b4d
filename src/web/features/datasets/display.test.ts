import { describe, expect, it } from 'vitest';
import { formatCell, formatGroup, formatMeasure, formatPreviewCell, formatRate, heatCells } from './display';

describe('dataset display', () => {
  it('shows numbers, money, dates and datetimes in the language’s style', () => {
    expect(formatCell('1234567.5', 'decimal', 'vi')).toBe('1.234.567,5');
    expect(formatCell('1234567.5', 'decimal', 'en')).toBe('1,234,567.5');
    expect(formatCell('2026-01-31', 'date', 'vi')).toBe('31/01/2026');
    // 16:30 UTC on 31/01 is 23:30 in Hanoi, the same day.
    expect(formatCell('2026-01-31T16:30:00.000000Z', 'datetime', 'vi', 'Asia/Ho_Chi_Minh')).toBe('31/01/2026 23:30');
    expect(formatCell('123456789012345678901', 'decimal', 'vi')).toBe('123456789012345678901');
    expect(formatCell(null, 'text', 'vi')).toBe('');
    expect(formatMeasure(3_250_000, 'money', 'vi')).toBe('3.250.000\u00a0₫');
    expect(formatMeasure(0.25, 'percent', 'en')).toBe('25%');
    expect(formatMeasure(null, 'number', 'en')).toBe('—');
    expect(formatRate(0.5, 'vi')).toBe('50 %');
    expect(formatRate(1 / 3, 'en')).toBe('33.3%');
    expect(formatGroup('2026-01', 'vi')).toBe('01/2026');
    expect(formatGroup('2026-Q1', 'en')).toBe('2026-Q1');
    // A preview datetime is the company's wall clock: shown as written, not moved by the browser's zone.
    expect(formatPreviewCell('2026-01-31 23:30:00', 'datetime', 'vi')).toBe('31/01/2026 23:30');
    expect(formatPreviewCell('2026-01-31 23:30:00', 'datetime', 'en')).toBe('31 Jan 2026 23:30');
    expect(formatPreviewCell('1250000.5', 'decimal', 'vi')).toBe('1.250.000,5');
    expect(formatPreviewCell('true', 'boolean', 'en')).toBe('✓');
  });

  it('joins one cohort answer per window into heat map cells', () => {
    const r30 = { rows: [{ cohort: '2026-01', customers: 4, returning: 1, rate: 0.25 }] };
    const r90 = {
      rows: [
        { cohort: '2026-01', customers: 4, returning: 2, rate: 0.5 },
        { cohort: '2026-02', customers: 2, returning: 1, rate: 0.5 },
      ],
    };
    const { cohorts, cells } = heatCells([30, 90], [r30, r90]);
    expect(cohorts).toEqual(['2026-01', '2026-02']);
    expect(cells).toEqual([
      { within: 30, cohort: '2026-01', customers: 4, returning: 1, rate: 0.25 },
      { within: 90, cohort: '2026-01', customers: 4, returning: 2, rate: 0.5 },
      { within: 90, cohort: '2026-02', customers: 2, returning: 1, rate: 0.5 },
    ]);
  });
});
