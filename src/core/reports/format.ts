import type { Lang } from '../errors';
import { numberFormat } from '../intl/formats';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

export { ddmmyyyy } from '../period';

/** A KPI value as the reader expects it: whole đồng for VND (with ₫), up to 2 decimals otherwise; — for none. */
export function formatValue(value: number | null, unit: string | null, lang: Lang): string {
  if (value === null) return '—';
  const n = numberFormat(LOCALE[lang], { maximumFractionDigits: unit === 'VND' ? 0 : 2 }).format(value);
  return unit === 'VND' ? `${n} ₫` : n;
}

/** 0.954 → 95,4 % (vi) / 95.4% (en); — for none. */
export function formatPercent(ratio: number | null, lang: Lang): string {
  if (ratio === null) return '—';
  return numberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Text for a PDF: NFC, so a decomposed "ễ" from a pasted name renders as one glyph of the font. */
export const nfc = (s: string): string => s.normalize('NFC');
