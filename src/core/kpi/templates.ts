import { CUSTOMER_TEMPLATES } from './templates/customer';
import { FINANCE_TEMPLATES } from './templates/finance';
import { HR_TEMPLATES } from './templates/hr';
import { MARKETING_TEMPLATES } from './templates/marketing';
import { OPERATIONS_TEMPLATES } from './templates/operations';
import { SALES_TEMPLATES } from './templates/sales';
import type { KpiTemplate, TemplateCategory } from './templates/template';
import type { KpiDefinition, KpiFrequency } from './types';

export { TEMPLATE_CATEGORIES, TEMPLATE_CATEGORY_LABELS, type KpiTemplate, type TemplateCategory } from './templates/template';

const ALL: readonly KpiTemplate[] = Object.freeze([
  ...FINANCE_TEMPLATES,
  ...SALES_TEMPLATES,
  ...MARKETING_TEMPLATES,
  ...CUSTOMER_TEMPLATES,
  ...HR_TEMPLATES,
  ...OPERATIONS_TEMPLATES,
]);

const BY_ID = new Map(ALL.map((t) => [t.id, t]));

/** All templates, or those of one category, in a stable order (finance, sales, marketing, customer, HR, operations). */
export function listTemplates(filter: { category?: TemplateCategory } = {}): readonly KpiTemplate[] {
  return filter.category ? ALL.filter((t) => t.category === filter.category) : ALL;
}

export function getTemplate(id: string): KpiTemplate | null {
  return BY_ID.get(id) ?? null;
}

/** A sensible default reporting deadline (days after the period ends) for each frequency. */
export const DEFAULT_REPORT_WITHIN_DAYS: Record<KpiFrequency, number> = { weekly: 2, monthly: 5, quarterly: 10, yearly: 20 };

/**
 * A draft KPI definition started from a template. Owner, measurer, baseline, parents and
 * targets are left for the user (the SMART check will ask for them).
 */
export function kpiFromTemplate(template: KpiTemplate, overrides: Partial<KpiDefinition> = {}): KpiDefinition {
  return {
    code: template.code,
    name: template.name.vi,
    nameEn: template.name.en,
    description: template.description.vi,
    descriptionEn: template.description.en,
    level: template.level,
    perspective: template.perspective,
    group: template.group ?? null,
    unit: template.unit,
    direction: template.direction,
    aggregation: template.aggregation,
    frequency: template.frequency,
    source: template.source,
    formula: template.formula ?? null,
    owner: null,
    measurer: null,
    reportWithinDays: DEFAULT_REPORT_WITHIN_DAYS[template.frequency],
    baseline: null,
    parents: [],
    tags: [...template.tags],
    status: 'draft',
    targets: [],
    ...overrides,
  };
}
