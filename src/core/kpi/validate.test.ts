import { describe, expect, it } from 'vitest';
import type { KpiDefinition } from './types';
import { validateKpi } from './validate';
import { validateKpiSet } from './validate-set';

function kpi(overrides: Partial<KpiDefinition> = {}): KpiDefinition {
  return {
    code: 'REVENUE',
    name: 'Doanh thu thuần',
    nameEn: 'Net revenue',
    description: 'Tổng doanh thu bán hàng sau chiết khấu và hàng trả lại',
    level: 'strategic',
    perspective: 'financial',
    unit: 'VND',
    direction: 'increase',
    aggregation: 'sum',
    frequency: 'monthly',
    source: 'import',
    owner: 'ceo@example.vn',
    measurer: 'ketoan@example.vn',
    reportWithinDays: 5,
    baseline: { period: '2025', value: 180e9 },
    parents: [],
    tags: ['finance'],
    status: 'active',
    targets: [{ period: '2026-01', value: 16e9 }],
    ...overrides,
  };
}

const codes = (issues: { code: string }[]): string[] => issues.map((i) => i.code);

describe('validateKpi', () => {
  it('accepts a well-formed KPI', () => {
    expect(validateKpi(kpi())).toEqual([]);
  });

  it.each(['revenue', 'R', '1REVENUE', 'DOANH-THU', 'DOANH THU', 'A'.repeat(41)])('rejects the code %j', (code) => {
    const issues = validateKpi(kpi({ code }));
    expect(codes(issues)).toEqual(['KPI_CODE_INVALID']);
    expect(issues[0]?.path).toBe('code');
  });

  it('accepts a 40-character code', () => {
    expect(validateKpi(kpi({ code: 'A'.repeat(40) }))).toEqual([]);
  });

  it('requires a name', () => {
    const issues = validateKpi(kpi({ name: '   ' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'name', code: 'KPI_NAME_REQUIRED' });
    expect(issues[0]?.message.vi).toBe('Tên KPI không được để trống');
  });

  it('reports unknown enum values with the allowed list', () => {
    const issues = validateKpi({ ...kpi(), level: 'global', direction: 'up', frequency: 'daily' });
    expect(issues.map((i) => i.path)).toEqual(['level', 'direction', 'frequency']);
    expect(codes(issues)).toEqual(['KPI_ENUM_INVALID', 'KPI_ENUM_INVALID', 'KPI_ENUM_INVALID']);
    expect(issues[1]?.message.en).toBe('Unknown direction "up"; use one of: increase, decrease, range');
  });

  it('requires the core enums but lets unit, frequency and source wait for the SMART check', () => {
    const { level: _level, ...noLevel } = kpi();
    expect(validateKpi(noLevel)).toMatchObject([{ path: 'level', code: 'KPI_FIELD_REQUIRED' }]);
    expect(validateKpi(kpi({ unit: null, frequency: null, source: null }))).toEqual([]);
  });

  it('checks parent weights and self-links', () => {
    const issues = validateKpi(
      kpi({
        code: 'SALES_HN',
        level: 'tactical',
        parents: [
          { code: 'SALES_HN', weight: 0.5 },
          { code: 'REVENUE', weight: 0 },
          { code: 'PROFIT', weight: -1 },
        ],
      }),
    );
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'parents.0.code:KPI_PARENT_SELF',
      'parents.1.weight:KPI_WEIGHT_INVALID',
      'parents.2.weight:KPI_WEIGHT_INVALID',
    ]);
  });

  it('requires a formula when the source is a formula', () => {
    expect(validateKpi(kpi({ source: 'formula', formula: '' }))).toMatchObject([{ path: 'formula', code: 'KPI_FORMULA_REQUIRED' }]);
    expect(validateKpi(kpi({ source: 'formula', formula: 'GROSS_PROFIT / REVENUE' }))).toEqual([]);
  });

  it('requires min and max on targets of a range KPI, with min ≤ max', () => {
    const issues = validateKpi(
      kpi({
        direction: 'range',
        unit: '%',
        aggregation: 'avg',
        targets: [
          { period: '2026-01', value: 0.05 },
          { period: '2026-02', value: 0.05, min: 0.06, max: 0.04 },
          { period: '2026-03', value: 0.05, min: 0.03, max: 0.07 },
        ],
      }),
    );
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual(['targets.0:KPI_TARGET_RANGE_REQUIRED', 'targets.1:KPI_TARGET_MIN_GT_MAX']);
  });

  it('checks target and baseline periods, numbers and duplicates', () => {
    const issues = validateKpi(
      kpi({
        baseline: { period: '2025-13', value: 1 },
        targets: [
          { period: '2026-01', value: Number.NaN },
          { period: '2026-01', value: 1 },
          { period: '31/02/2026', value: 1 },
        ],
      }),
    );
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'baseline.period:KPI_PERIOD_INVALID',
      'targets.0.value:KPI_NUMBER_INVALID',
      'targets.1.period:KPI_TARGET_DUPLICATE',
      'targets.2.period:KPI_PERIOD_INVALID',
    ]);
  });

  it('checks the reporting deadline', () => {
    expect(codes(validateKpi(kpi({ reportWithinDays: -1 })))).toEqual(['KPI_REPORT_DAYS_INVALID']);
    expect(codes(validateKpi(kpi({ reportWithinDays: 2.5 })))).toEqual(['KPI_REPORT_DAYS_INVALID']);
    expect(validateKpi(kpi({ reportWithinDays: null }))).toEqual([]);
  });

  it('prefixes paths and says everything in both languages', () => {
    const issues = validateKpi({ ...kpi(), code: 'x', name: '', level: 'x' }, 'kpis.3');
    expect(issues.map((i) => i.path)).toEqual(['kpis.3.code', 'kpis.3.name', 'kpis.3.level']);
    for (const i of issues) {
      expect(i.message.vi.length).toBeGreaterThan(0);
      expect(i.message.en.length).toBeGreaterThan(0);
      expect(i.message.vi).not.toBe(i.message.en);
    }
  });

  it('rejects something that is not an object', () => {
    expect(codes(validateKpi('REVENUE'))).toEqual(['KPI_FIELD_TYPE']);
  });
});

describe('validateKpiSet', () => {
  it('accepts a consistent tree', () => {
    const set = [
      kpi(),
      kpi({ code: 'SALES_HN', level: 'tactical', parents: [{ code: 'REVENUE', weight: 0.6 }] }),
      kpi({ code: 'SALES_HCM', level: 'tactical', parents: [{ code: 'REVENUE', weight: 0.4 }] }),
    ];
    expect(validateKpiSet(set)).toEqual([]);
  });

  it('finds duplicate codes and missing parents', () => {
    const set = [kpi(), kpi({ name: 'Doanh thu khác' }), kpi({ code: 'LEADS', parents: [{ code: 'MARKETING', weight: 1 }] })];
    const issues = validateKpiSet(set);
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual(['kpis.1.code:KPI_CODE_DUPLICATE', 'kpis.2.parents.0.code:KPI_PARENT_NOT_FOUND']);
    expect(issues[0]?.message.vi).toBe('Mã KPI REVENUE bị trùng (đã dùng ở KPI thứ 1)');
  });

  it('accepts parents known from elsewhere', () => {
    const set = [kpi({ code: 'LEADS', parents: [{ code: 'MARKETING', weight: 1 }] })];
    expect(validateKpiSet(set, { knownCodes: ['MARKETING'] })).toEqual([]);
  });

  it('reports a cycle with its path', () => {
    const set = [kpi({ code: 'KA', parents: [{ code: 'KB', weight: 1 }] }), kpi({ code: 'KB', parents: [{ code: 'KA', weight: 1 }] })];
    const issues = validateKpiSet(set);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'kpis.1.parents.0.code', code: 'KPI_PARENT_CYCLE' });
    expect(issues[0]?.message.en).toBe('Parent links form a cycle: KA → KB → KA');
    expect(issues[0]?.message.vi).toBe('Liên kết KPI cấp trên tạo thành vòng lặp: KA → KB → KA');
  });

  it('reports a longer cycle once, and not the branch leading into it', () => {
    const set = [
      kpi({ code: 'KX', parents: [{ code: 'KA', weight: 1 }] }),
      kpi({ code: 'KA', parents: [{ code: 'KB', weight: 1 }] }),
      kpi({ code: 'KB', parents: [{ code: 'KC', weight: 1 }] }),
      kpi({ code: 'KC', parents: [{ code: 'KA', weight: 1 }] }),
    ];
    const issues = validateKpiSet(set);
    expect(issues.map((i) => i.message.en)).toEqual(['Parent links form a cycle: KA → KB → KC → KA']);
    expect(issues[0]?.path).toBe('kpis.3.parents.0.code');
  });

  it('includes field-level issues with set paths', () => {
    const issues = validateKpiSet([kpi(), kpi({ code: 'COST', name: '' })]);
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual(['kpis.1.name:KPI_NAME_REQUIRED']);
  });
});
