import type { Lang } from '../errors';
import { numberFormat } from '../intl/formats';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

/** A number as users read it: `20.000.000.000 ₫` / `95,5%` in Vietnamese, `20,000,000,000 ₫` / `95.5%` in English. */
export function formatValue(value: number, unit: string | null, lang: Lang): string {
  if (unit === '%') return numberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 2 }).format(value);
  // The đồng has no subunit in use: money is shown in whole đồng.
  const n = numberFormat(LOCALE[lang], { maximumFractionDigits: unit === 'VND' ? 0 : 2 }).format(value);
  return unit === 'VND' ? `${n} ₫` : n;
}

/** A signed whole percentage: `+67%`, `-60%`. */
export function formatChange(ratio: number): string {
  const pct = Math.round(ratio * 100);
  return `${pct > 0 ? '+' : ''}${pct}%`;
}
