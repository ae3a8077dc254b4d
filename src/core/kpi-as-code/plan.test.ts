import { describe, expect, it } from 'vitest';
import type { KpiDefinition } from '../kpi';
import { formatPlan } from './format-plan';
import { planChanges } from './plan';
import { parseKpiFile } from './parse';
import { toYaml } from './to-yaml';
import type { KpiFile } from './types';

const kpi = (code: string, name: string, extra: Partial<KpiDefinition> = {}): KpiDefinition => ({
  code,
  name,
  level: 'strategic',
  perspective: 'financial',
  group: null,
  unit: 'VND',
  direction: 'increase',
  aggregation: 'sum',
  frequency: 'monthly',
  source: 'manual',
  formula: null,
  owner: 'an@example.vn',
  measurer: null,
  reportWithinDays: 5,
  baseline: null,
  parents: [],
  tags: [],
  status: 'active',
  targets: [{ period: '2026', value: 240e9 }],
  ...extra,
});

const current: KpiFile = {
  version: 1,
  company: { name: 'Công ty Thử', timezone: 'Asia/Ho_Chi_Minh', currency: 'VND', locale: 'vi-VN', fiscalYearStartMonth: 1 },
  units: [{ code: 'HQ', name: 'Trụ sở', parent: null }],
  positions: [],
  people: [{ email: 'an@example.vn', name: 'Nguyễn Văn An', unit: 'HQ', position: null, manager: null }],
  kpis: [kpi('REV', 'Doanh thu thuần'), kpi('COST', 'Chi phí'), kpi('OLD', 'Chỉ số cũ')],
};

describe('planChanges / formatPlan', () => {
  it('creates, updates field by field, and archives KPIs missing from the file', () => {
    const doc: KpiFile = {
      ...current,
      units: [...current.units!, { code: 'SALES', name: 'Phòng Kinh doanh', parent: 'HQ' }],
      kpis: [
        kpi('REV', 'Doanh thu thuần', { targets: [{ period: '2026', value: 240e9 }, { period: '2026-01', value: 20e9 }] }),
        kpi('COST', 'Chi phí hoạt động'),
        kpi('GP', 'Lợi nhuận gộp', { owner: 'AN@example.vn' }),
      ],
    };
    const changes = planChanges(doc, current);
    expect(changes.map((c) => `${c.action} ${c.entity} ${c.key}`)).toEqual([
      'create unit SALES',
      'update kpi REV',
      'update kpi COST',
      'create kpi GP',
      'archive kpi OLD',
    ]);
    expect(formatPlan(changes, 'vi')).toBe(
      [
        '+ Phòng ban SALES  Phòng Kinh doanh',
        '~ KPI REV  targets[2026-01]: — → value 20000000000',
        '~ KPI COST  name: "Chi phí" → "Chi phí hoạt động"',
        '+ KPI GP  Lợi nhuận gộp',
        '- KPI OLD  Chỉ số cũ (lưu trữ)',
        '',
        'Kế hoạch: 2 tạo mới, 2 cập nhật, 1 lưu trữ.',
        '',
      ].join('\n'),
    );
    expect(formatPlan(changes, 'en').split('\n').at(-2)).toBe('Plan: 2 to create, 2 to update, 1 to archive.');
  });

  it('lists every changed field under the KPI, treats e-mails case-insensitively, and never deletes people or units', () => {
    const doc: KpiFile = {
      version: 1,
      units: [],
      people: [{ email: 'AN@example.vn', name: 'Nguyễn Văn An', unit: 'hq', position: null, manager: null }],
      kpis: [...current.kpis!.slice(1), kpi('REV', 'Doanh thu', { owner: 'An@Example.vn', baseline: { period: '2025', value: 180e9 } })],
    };
    const changes = planChanges(doc, current);
    expect(formatPlan(changes, 'en')).toBe(
      [
        '~ KPI REV  Doanh thu',
        '    name: "Doanh thu thuần" → "Doanh thu"',
        '    baseline: — → 2025: 180000000000',
        '',
        'Plan: 0 to create, 1 to update, 0 to archive.',
        '',
      ].join('\n'),
    );
  });

  it('a file without a kpis section archives nothing; the same content plans no change', () => {
    expect(planChanges({ version: 1 }, current)).toEqual([]);
    expect(formatPlan(planChanges(current, current), 'vi')).toBe('Không có thay đổi: cơ sở dữ liệu đã khớp với tệp.\n');
  });
});

describe('toYaml', () => {
  it('writes a stable file that reads back to the same document, whatever the input order', () => {
    const doc: KpiFile = {
      ...current,
      units: [{ code: 'SALES', name: 'Phòng Kinh doanh', parent: 'HQ' }, { code: 'HQ', name: 'Trụ sở', parent: null }],
      kpis: [
        kpi('REV', 'Doanh thu thuần', {
          targets: [{ period: '2026-02', value: 20e9 }, { period: '2026-Q1', value: 60e9 }, { period: '2026', value: 240e9 }, { period: '2026-01', value: 20e9, min: 18e9 }],
          tags: ['bsc'],
        }),
        kpi('COST', 'Chi phí', { parents: [{ code: 'REV', weight: 0.25 }], level: 'tactical' }),
      ],
    };
    const text = toYaml(doc);
    expect(text).toContain('units:\n  - {code: HQ, name: Trụ sở}\n  - {code: SALES, name: Phòng Kinh doanh, parent: HQ}\n');
    // targets in calendar order, the longer period first when two start on the same day
    expect(text).toContain(
      '    targets:\n      - {period: 2026, value: 240000000000}\n      - {period: 2026-Q1, value: 60000000000}\n' +
        '      - {period: 2026-01, value: 20000000000, min: 18000000000}\n      - {period: 2026-02, value: 20000000000}\n',
    );
    expect(text.indexOf('code: COST')).toBeLessThan(text.indexOf('code: REV'));
    const back = parseKpiFile(text);
    expect(back.issues).toEqual([]);
    expect(toYaml(back.doc!)).toBe(text);
  });
});

describe('positions in a plan', () => {
  it('creates new positions and renames existing ones by code', () => {
    const current: KpiFile = { version: 1, positions: [{ code: 'sales-rep', name: 'Nhân viên bán hàng' }] };
    const doc: KpiFile = {
      version: 1,
      positions: [
        { code: 'SALES-REP', name: 'Nhân viên kinh doanh' },
        { code: 'ke-toan', name: 'Kế toán viên' },
      ],
    };
    expect(planChanges(doc, current)).toEqual([
      { action: 'update', entity: 'position', key: 'SALES-REP', label: 'Nhân viên kinh doanh', fields: [{ field: 'name', before: 'Nhân viên bán hàng', after: 'Nhân viên kinh doanh' }] },
      { action: 'create', entity: 'position', key: 'ke-toan', label: 'Kế toán viên', fields: [] },
    ]);
  });
});
