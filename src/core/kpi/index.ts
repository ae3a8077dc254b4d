export * from './types';
export * from './labels';
export { validateKpi } from './validate';
export { validateKpiSet } from './validate-set';
export {
  DEFAULT_REPORT_WITHIN_DAYS,
  TEMPLATE_CATEGORIES,
  TEMPLATE_CATEGORY_LABELS,
  getTemplate,
  kpiFromTemplate,
  listTemplates,
  type KpiTemplate,
  type TemplateCategory,
} from './templates';
