import { compactDigitsFor, formatCompact, formatMoneyCompact, intlLocale, type UiLang } from '../../lib/format';
import type { RagStatus } from './types';

/** RAG colours (antd palette): green ≥ target, amber between threshold and target, red below, grey no data. */
export const RAG_COLOR: Record<RagStatus, string> = { green: '#389e0d', amber: '#d48806', red: '#cf1322', none: '#bfbfbf' };
export const RAG_BG: Record<RagStatus, string> = { green: '#f6ffed', amber: '#fffbe6', red: '#fff1f0', none: '#fafafa' };
export const RAG_TAG: Record<RagStatus, string> = { green: 'success', amber: 'warning', red: 'error', none: 'default' };

export function ragOf(status: string | null | undefined): RagStatus {
  return status === 'green' || status === 'amber' || status === 'red' ? status : 'none';
}

/** An achievement fraction as a percentage: 1.05 → "105%", 0.6333 → "63,3%" (vi). */
export function formatAchievement(fraction: number | null | undefined, lang: UiLang): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/**
 * A KPI value for cards, chart axes and tooltips, through the one compact formatter:
 * "20 tỷ", "12,5%", "1,2 nghìn" (vi) / "20B ₫", "12.5%", "1.2K" (en).
 */
export function formatValueCompact(value: number | null | undefined, unit: string | null | undefined, lang: UiLang, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'VND') return formatMoneyCompact(value, lang, 'VND', digits);
  if (unit === '%') return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: digits }).format(value);
  return formatCompact(value, lang, digits);
}

/** Actual and target in short form, with enough decimals to show why they differ (4,985 tỷ / 5 tỷ at 99,7 %). */
export function formatValuePair(
  actual: number | null | undefined,
  target: number | null | undefined,
  unit: string | null | undefined,
  lang: UiLang,
): [string, string] {
  const scale = unit === '%' ? 100 : 1;
  const digits = typeof actual === 'number' && typeof target === 'number' ? compactDigitsFor(actual * scale, target * scale, lang) : 1;
  return [formatValueCompact(actual, unit, lang, digits), formatValueCompact(target, unit, lang, digits)];
}
