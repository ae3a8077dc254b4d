import { describe, expect, it } from 'vitest';
import { byItems, defaultQuery } from './query-form';

describe('query form', () => {
  it('starts with the sum of the revenue-like column by month of the first date column', () => {
    const q = defaultQuery([
      { name: 'order_id', label: 'Mã đơn', type: 'text' },
      { name: 'ordered_at', label: 'Thời điểm', type: 'datetime' },
      { name: 'quantity', label: 'Số lượng', type: 'integer' },
      { name: 'unit_price', label: 'Đơn giá', type: 'decimal' },
      { name: 'revenue', label: 'Doanh thu', type: 'decimal' },
    ]);
    expect(q).toEqual({ measures: [{ name: 'revenue', expression: 'sum(revenue)', format: 'number' }], by: [{ column: 'ordered_at', grain: 'month' }] });
    expect(defaultQuery([{ name: 'ten', label: 'Tên', type: 'text' }])).toEqual({ measures: [{ name: 'rows', expression: 'count()', format: 'number' }], by: [] });
  });

  it('writes group items as the API takes them', () => {
    expect(byItems([{ column: 'ordered_at', grain: 'quarter' }, { column: 'region' }, { column: '' }])).toEqual(['ordered_at:quarter', 'region']);
  });
});
