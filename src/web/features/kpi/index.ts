export { KPI_ROUTES } from './routes';
export { SmartBadges } from './SmartBadges';
export { SmartPanel } from './SmartPanel';
export { ValueInput } from './ValueInput';
export { formatKpiValue } from './format-value';
export { parseNumberText, formatNumberText, fractionToPercent, percentToFraction, regroupWhileTyping } from './number-input';
export type { KpiT, KpiListItemT, KpiDetailT, FindingT, SmartSummaryT, TemplateItemT } from './types';
