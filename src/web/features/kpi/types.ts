import type { z } from 'zod';
import type { Finding, Kpi, KpiBody, KpiDetail, KpiList, SmartPreview, SmartSummary, TemplateList } from '../../../contract/kpi';

// Types only: the zod schemas stay out of the web bundle.
export type KpiT = z.infer<typeof Kpi>;
export type KpiBodyT = z.infer<typeof KpiBody>;
export type KpiListItemT = z.infer<typeof KpiList>['items'][number];
export type KpiDetailT = z.infer<typeof KpiDetail>;
export type FindingT = z.infer<typeof Finding>;
export type SmartSummaryT = z.infer<typeof SmartSummary>;
export type SmartPreviewT = z.infer<typeof SmartPreview>;
export type TemplateItemT = z.infer<typeof TemplateList>['items'][number] & {
  source?: string;
  formula?: string;
  group?: string;
  tags?: string[];
  exampleTarget?: { value: number; min?: number; max?: number; note: { vi: string; en: string } };
};
