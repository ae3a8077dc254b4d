import type { Localized } from '../../errors';
import type {
  KpiAggregation,
  KpiDirection,
  KpiFrequency,
  KpiGroup,
  KpiLevel,
  KpiPerspective,
  KpiSource,
  KpiUnit,
} from '../types';

export const TEMPLATE_CATEGORIES = ['finance', 'sales', 'marketing', 'customer', 'hr', 'operations'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const TEMPLATE_CATEGORY_LABELS: Record<TemplateCategory, Localized> = {
  finance: { vi: 'Tài chính', en: 'Finance' },
  sales: { vi: 'Kinh doanh', en: 'Sales' },
  marketing: { vi: 'Marketing', en: 'Marketing' },
  customer: { vi: 'Khách hàng', en: 'Customer' },
  hr: { vi: 'Nhân sự', en: 'HR' },
  operations: { vi: 'Vận hành', en: 'Operations' },
};

/** A ready-made KPI to start from. Percentages are fractions (0.95 = 95 %). */
export interface KpiTemplate {
  id: string;
  /** Suggested code; the user may change it. */
  code: string;
  category: TemplateCategory;
  name: Localized;
  /** One line: what exactly is counted. */
  description: Localized;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  frequency: KpiFrequency;
  level: KpiLevel;
  perspective: KpiPerspective;
  group?: KpiGroup;
  source: KpiSource;
  /** Suggested formula over other KPI codes, when `source` is `formula`. */
  formula?: string;
  /** An example target for one period of `frequency`. */
  exampleTarget: { value: number; min?: number; max?: number; note: Localized };
  tags: string[];
}
