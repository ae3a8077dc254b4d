import { formatMoney, formatNumber, type UiLang } from '../../lib/format';

/** A fraction as a percentage (0.055 → "5,5 %" in Vietnamese, "5.5 %" in English); null → "—". */
export function percent(x: number | null, lang: UiLang, digits = 1): string {
  return x === null ? '—' : `${formatNumber(x * 100, lang, digits)} %`;
}

export function money(x: number | null, lang: UiLang): string {
  return x === null ? '—' : formatMoney(x, lang);
}

export function ratio(x: number | null, lang: UiLang): string {
  return x === null ? '—' : `${formatNumber(x, lang, 2)}×`;
}
