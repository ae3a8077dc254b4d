import { describe, expect, it } from 'vitest';
import { emptyFormValues, fieldOfIssue, formValuesFromTemplate, periodsPerYear, toDraftBody, toKpiBody, type KpiFormValues } from './form-values';
import type { TemplateItemT } from './types';

const template: TemplateItemT = {
  id: 'new-customers',
  code: 'NEW_CUSTOMERS',
  category: 'sales',
  name: { vi: 'Số khách hàng mới', en: 'New customers' },
  description: { vi: 'Số khách hàng có đơn đầu tiên', en: 'Customers with a first order' },
  unit: 'count',
  direction: 'increase',
  aggregation: 'sum',
  frequency: 'monthly',
  level: 'tactical',
  perspective: 'customer',
  source: 'import',
  tags: ['sales'],
  exampleTarget: { value: 120, note: { vi: '120 mỗi tháng', en: '120 per month' } },
};

describe('formValuesFromTemplate', () => {
  it('turns a monthly total example into this year’s target', () => {
    const v = formValuesFromTemplate(template, 2026);
    expect(v.code).toBe('NEW_CUSTOMERS');
    expect(v.name).toBe('Số khách hàng mới');
    expect(v.nameEn).toBe('New customers');
    expect(v.source).toBe('import');
    expect(v.reportWithinDays).toBe(5); // monthly default
    // 120 per month × 12 months = 1 440 for 2026
    expect(v.targets).toEqual([{ period: '2026', value: 1440 }]);
  });

  it('keeps a rate example as it is', () => {
    const v = formValuesFromTemplate({ ...template, unit: '%', aggregation: 'ratio', exampleTarget: { value: 0.25, note: { vi: '', en: '' } } }, 2026);
    expect(v.targets).toEqual([{ period: '2026', value: 0.25 }]);
  });

  it('counts ISO weeks for weekly totals', () => {
    // 2026 has 53 ISO weeks (1 Jan 2026 is a Thursday); 2025 has 52
    expect(periodsPerYear('weekly', 2026)).toBe(53);
    expect(periodsPerYear('weekly', 2025)).toBe(52);
    expect(periodsPerYear('quarterly', 2026)).toBe(4);
  });
});

const filled: KpiFormValues = {
  ...emptyFormValues(),
  code: ' NEW_CUSTOMERS ',
  name: 'Số khách hàng mới',
  unit: 'count',
  ownerId: 3,
  baselinePeriod: '2025',
  baselineValue: 1200,
  parents: [{ code: 'REVENUE', weight: 0.2 }, {}],
  targets: [{ period: '2026', value: 1440, min: null }, {}, { period: '2026-01', value: null }],
};

describe('toKpiBody', () => {
  it('trims, drops blank rows and keeps half-filled ones for the server to name', () => {
    const body = toKpiBody(filled, 'active');
    expect(body.code).toBe('NEW_CUSTOMERS');
    expect(body.status).toBe('active');
    expect(body.baseline).toEqual({ period: '2025', value: 1200 });
    expect(body.parents).toEqual([{ code: 'REVENUE', weight: 0.2 }]);
    expect(body.targets).toEqual([
      { period: '2026', value: 1440 },
      { period: '2026-01', value: null },
    ]);
    expect(body.formula).toBeNull();
  });
});

describe('toDraftBody', () => {
  it('sends only what already passes the schema', () => {
    const body = toDraftBody({ ...filled, name: '  ', parents: [{ code: 'revenue', weight: 1 }, { code: 'REVENUE', weight: 0.5 }], baselinePeriod: '20' });
    expect(body.name).toBeUndefined();
    expect(body.parents).toEqual([{ code: 'REVENUE', weight: 0.5 }]);
    expect(body.baseline).toBeNull();
    expect(body.targets).toEqual([{ period: '2026', value: 1440 }]);
    expect(body.ownerId).toBe(3);
  });

  it('sends nulls for a fresh form', () => {
    const body = toDraftBody({ code: '', name: '', parents: [], tags: [], targets: [] });
    expect(body).toMatchObject({ unit: null, frequency: null, source: null, ownerId: null, baseline: null, targets: [] });
    expect(body.code).toBeUndefined();
  });
});

describe('fieldOfIssue', () => {
  it('maps server paths to form fields', () => {
    expect(fieldOfIssue('targets.1.period')).toEqual(['targets', 1, 'period']);
    expect(fieldOfIssue('parents.0.code')).toEqual(['parents', 0, 'code']);
    expect(fieldOfIssue('formula')).toEqual(['formula']);
    expect(fieldOfIssue('baseline.period')).toEqual(['baselinePeriod']);
    expect(fieldOfIssue('smart.A')).toBeNull();
  });
});
