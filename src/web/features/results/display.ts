import { formatMoneyCompact, formatNumber, intlLocale, type UiLang } from '../../lib/format';
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

/** A KPI value for cards and chart axes: "20 tỷ", "12,5%", "1,2 nghìn" (vi) / "20B ₫", "12.5%", "1.2K" (en). */
export function formatValueCompact(value: number | null | undefined, unit: string | null | undefined, lang: UiLang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'VND') return formatMoneyCompact(value, lang);
  if (unit === '%') return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (Math.abs(value) < 10_000) return formatNumber(value, lang);
  return new Intl.NumberFormat(intlLocale(lang), { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
