import { formatMoney, formatNumber, intlLocale, type UiLang } from '../../lib/format';

/** A KPI value for display: money as `20.000.000.000 ₫`, fractions of `%` KPIs as `95%`, other numbers grouped. */
export function formatKpiValue(value: number | null | undefined, unit: string | null | undefined, lang: UiLang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'VND') return formatMoney(value, lang);
  if (unit === '%') return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 2 }).format(value);
  return formatNumber(value, lang);
}
