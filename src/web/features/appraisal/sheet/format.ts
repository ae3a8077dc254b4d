import { intlLocale, type UiLang } from '../../../lib/format';

/**
 * A score or share (a fraction) as a percentage with one decimal: 0.897 → "89,7 %" (vi, with a no-break space
 * before the sign, as Vietnamese writes it) or "89.7%" (en). Null → "—".
 */
export function formatScore(fraction: number | null | undefined, lang: UiLang): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  const number = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 1 }).format(fraction * 100);
  return lang === 'vi' ? `${number}\u00a0%` : `${number}%`;
}

/** A weight in percent as typed on the sheet: 33.34 → "33,34 %" (vi) / "33.34%" (en). */
export function formatWeight(weight: number, lang: UiLang): string {
  const number = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 4 }).format(weight);
  return lang === 'vi' ? `${number}\u00a0%` : `${number}%`;
}
