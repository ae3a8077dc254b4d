import { describe, expect, it } from 'vitest';
import { getTemplate, kpiFromTemplate, listTemplates, TEMPLATE_CATEGORIES } from './templates';
import { KPI_AGGREGATIONS, KPI_CODE_PATTERN, KPI_DIRECTIONS, KPI_FREQUENCIES, KPI_LEVELS, KPI_PERSPECTIVES } from './types';
import { validateKpi } from './validate';
import { validateKpiSet } from './validate-set';

const templates = listTemplates();

describe('KPI templates', () => {
  it('offers at least 32 templates with unique ids and codes', () => {
    expect(templates.length).toBeGreaterThanOrEqual(32);
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    expect(new Set(templates.map((t) => t.code)).size).toBe(templates.length);
  });

  it('covers every category', () => {
    for (const category of TEMPLATE_CATEGORIES) expect(listTemplates({ category }).length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    'revenue', 'gross-profit', 'net-profit', 'operating-cost', 'market-share', 'website-traffic', 'brand-awareness',
    'response-rate', 'returning-customer-rate', 'closing-rate', 'leads', 'average-order-value', 'days-sales-outstanding',
    'inventory-turnover', 'on-time-delivery', 'defect-rate', 'employee-turnover', 'training-hours', 'time-to-hire',
    'csat', 'nps', 'cost-per-lead', 'marketing-roi',
  ])('includes %s', (id) => {
    expect(getTemplate(id)?.id).toBe(id);
  });

  it('returns null for an unknown id', () => {
    expect(getTemplate('nope')).toBeNull();
  });

  it('has complete, bilingual, well-typed fields', () => {
    for (const t of templates) {
      expect(t.code, t.id).toMatch(KPI_CODE_PATTERN);
      for (const text of [t.name.vi, t.name.en, t.description.vi, t.description.en, t.exampleTarget.note.vi, t.exampleTarget.note.en]) {
        expect(text.trim().length, t.id).toBeGreaterThan(0);
      }
      expect(t.description.vi, t.id).not.toBe(t.description.en);
      expect(KPI_DIRECTIONS, t.id).toContain(t.direction);
      expect(KPI_AGGREGATIONS, t.id).toContain(t.aggregation);
      expect(KPI_FREQUENCIES, t.id).toContain(t.frequency);
      expect(KPI_LEVELS, t.id).toContain(t.level);
      expect(KPI_PERSPECTIVES, t.id).toContain(t.perspective);
      expect(Number.isFinite(t.exampleTarget.value), t.id).toBe(true);
    }
  });

  it('aggregates rates as ratios, never as sums or plain averages', () => {
    for (const t of templates.filter((x) => x.unit === '%')) expect(t.aggregation, t.id).toBe('ratio');
  });

  it('uses glossary terms and the product examples', () => {
    expect(getTemplate('brand-awareness')?.name.vi).toBe('Mức độ nhận diện thương hiệu');
    expect(getTemplate('returning-customer-rate')?.name.vi).toBe('Tỷ lệ khách hàng quay lại');
    expect(getTemplate('website-traffic')?.exampleTarget.value).toBe(50_000);
    expect(getTemplate('response-rate')?.tags).toContain('channel');
  });

  it('stores percentages as fractions', () => {
    expect(getTemplate('on-time-delivery')?.exampleTarget.value).toBe(0.95);
  });

  it('turns every template into a valid draft KPI', () => {
    for (const t of templates) expect(validateKpi(kpiFromTemplate(t)), t.id).toEqual([]);
    // Formula templates refer to other template codes, so the whole set is consistent.
    const all = templates.map((t) => kpiFromTemplate(t));
    expect(validateKpiSet(all)).toEqual([]);
  });

  it('fills a draft from a template and applies overrides', () => {
    const t = getTemplate('csat');
    if (!t) throw new Error('csat template missing');
    const def = kpiFromTemplate(t, { code: 'CSAT_HN', owner: 'lan@example.vn' });
    expect(def).toMatchObject({
      code: 'CSAT_HN',
      name: 'Điểm hài lòng khách hàng (CSAT)',
      nameEn: 'Customer satisfaction (CSAT)',
      unit: 'score',
      aggregation: 'avg',
      status: 'draft',
      owner: 'lan@example.vn',
      reportWithinDays: 5,
      targets: [],
    });
  });
});
