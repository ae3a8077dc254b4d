import { describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../dataset/types';
import { DomainError } from '../errors';
import { parseKpiFile } from '../kpi-as-code/parse';
import { planBinding, planBindingRows } from './plan';
import type { KpiBinding } from './types';

const ORDERS: DatasetInfo = {
  id: 1,
  name: 'orders',
  label: 'Đơn hàng',
  tableName: 'ds_orders',
  columns: [
    { name: 'region', label: 'Vùng', type: 'text' },
    { name: 'ordered_at', label: 'Thời điểm', type: 'datetime' },
    { name: 'order_date', label: 'Ngày', type: 'date' },
    { name: 'sales', label: 'Doanh thu', type: 'decimal' },
    { name: 'profit', label: 'Lợi nhuận', type: 'decimal' },
    { name: 'paid', label: 'Đã trả', type: 'boolean' },
  ],
  keyColumns: [],
  rowCount: 7,
  updatedAt: '2026-01-01T00:00:00Z',
};

const binding = (b: Partial<KpiBinding> = {}): KpiBinding => ({ dataset: 'orders', measure: 'sum(sales)', dateColumn: 'ordered_at', scopeColumn: null, scopes: [], ...b });

function issuesOf(f: () => unknown): { path: string; code: string }[] {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'KPI_BINDING_INVALID') return e.issues.map((i) => ({ path: i.path, code: i.code }));
    throw e;
  }
  throw new Error('expected KPI_BINDING_INVALID');
}

describe('planBinding', () => {
  it('a datetime column is read in the company time zone ($1) and grouped by the KPI’s month', () => {
    const plan = planBinding(ORDERS, binding(), 'monthly', 'Asia/Ho_Chi_Minh');
    expect(plan.params).toEqual(['Asia/Ho_Chi_Minh']);
    expect(plan.period).toBe(`to_char(CAST(("ordered_at" AT TIME ZONE $1::text) AS timestamp), 'YYYY-MM')`);
    expect(plan.localDate).toBe(`CAST(("ordered_at" AT TIME ZONE $1::text) AS date)`);
    expect([plan.numerator, plan.denominator, plan.scope]).toEqual([null, null, null]);
  });

  it('a ratio of sums gives its numerator and denominator, each with the measure’s own where', () => {
    const plan = planBinding(ORDERS, binding({ measure: "sum(profit) / sum(sales) where region = 'Miền Bắc'", dateColumn: 'order_date' }), 'quarterly', 'Asia/Ho_Chi_Minh');
    expect(plan.period).toBe(`to_char(CAST("order_date" AS timestamp), 'YYYY-"Q"Q')`);
    // No datetime column: no time zone parameter; the three measures each hold the filter value as a parameter.
    expect(plan.params).toEqual(['Miền Bắc', 'Miền Bắc', 'Miền Bắc']);
    expect(plan.numerator).toContain('"profit"');
    expect(plan.numerator).not.toContain('"sales"');
    expect(plan.denominator).toContain('"sales"');
  });

  it('mapped values and their scopes are parameters, never SQL text', () => {
    const hostile = "Miền Bắc'); DROP TABLE kpis; --";
    const plan = planBinding(ORDERS, binding({ scopeColumn: 'region', scopes: [{ value: hostile, scope: { type: 'unit', id: 4 } }, { value: 'Miền Nam', scope: { type: 'person', id: 9 } }] }), 'monthly', 'UTC');
    expect(plan.scope).toBe(`($2::text[])[array_position($3::text[], CAST("region" AS text))]`);
    expect(plan.params).toEqual(['UTC', ['unit:4', 'person:9'], [hostile, 'Miền Nam']]);
    expect([plan.period, plan.scope, plan.value, plan.localDate].join(' ')).not.toContain('DROP');
  });

  it('reports every problem at its field path', () => {
    expect(issuesOf(() => planBinding(ORDERS, binding({ measure: 'sum(revenue)' }), 'monthly', 'UTC'))).toEqual([{ path: 'binding.measure', code: 'UNKNOWN_COLUMN' }]);
    expect(issuesOf(() => planBinding(ORDERS, binding({ dateColumn: 'region' }), 'monthly', 'UTC'))).toEqual([{ path: 'binding.dateColumn', code: 'GRAIN_ON_NON_DATE' }]);
    expect(issuesOf(() => planBinding(null, binding(), 'monthly', 'UTC'))).toEqual([{ path: 'binding.dataset', code: 'UNKNOWN_DATASET' }]);
    expect(issuesOf(() => planBinding(ORDERS, binding({ scopeColumn: 'paid' }), 'monthly', 'UTC'))).toEqual([{ path: 'binding.scopeColumn', code: 'SCOPE_COLUMN_TYPE' }]);
    expect(
      issuesOf(() =>
        planBinding(ORDERS, binding({ scopeColumn: 'region', scopes: [{ value: 'A', scope: { type: 'unit', id: 1 } }, { value: 'A', scope: { type: 'unit', id: 2 } }, { value: ' ', scope: { type: 'unit', id: 3 } }] }), null, 'UTC'),
      ),
    ).toEqual([
      { path: 'frequency', code: 'FREQUENCY_NEEDED' },
      { path: 'binding.scopes.1.value', code: 'DUPLICATE_VALUE' },
      { path: 'binding.scopes.2.value', code: 'EMPTY_VALUE' },
    ]);
    expect(issuesOf(() => planBinding(ORDERS, binding({ scopes: [{ value: 'A', scope: { type: 'unit', id: 1 } }] }), 'monthly', 'UTC'))).toEqual([
      { path: 'binding.scopeColumn', code: 'SCOPE_COLUMN_NEEDED' },
    ]);
  });
});

describe('planBindingRows', () => {
  it('the drill-through reads the local date and the measure’s own where, with its values as parameters', () => {
    const plan = planBindingRows(ORDERS, binding({ measure: "sum(sales) where region = 'Miền Nam'", dateColumn: 'order_date', scopeColumn: 'region' }), 'Asia/Ho_Chi_Minh');
    expect(plan.localDate).toBe('"order_date"');
    expect(plan.scopeValue).toBe('CAST("region" AS text)');
    expect(plan.params).toEqual(['Miền Nam']);
    expect(plan.rowFilter).toContain('$1');
  });
});

describe('KPI-as-code', () => {
  it('accepts source: dataset', () => {
    const text = `version: 1
company: {name: Công ty Thử, timezone: Asia/Ho_Chi_Minh}
kpis:
  - {code: REV_DATA, name: Doanh thu từ dữ liệu, level: operational, perspective: financial, direction: increase, aggregation: sum, frequency: monthly, source: dataset}
`;
    const parsed = parseKpiFile(text);
    expect(parsed.issues.filter((i) => i.path.includes('source'))).toEqual([]);
    expect(parseKpiFile(text.replace('source: dataset', 'source: warehouse')).issues.map((i) => i.path)).toContain('kpis[0].source');
  });
});
