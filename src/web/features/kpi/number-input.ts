import type { UiLang } from '../../lib/format';

/**
 * Typing numbers the way people write them: vi-VN `20.000.000.000` and `12,5`, en-US `20,000,000,000`
 * and `12.5`. Percent KPIs are typed as percentages (95) and stored as fractions (0.95).
 */

const SEPARATORS: Record<UiLang, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** Removes float noise from ×100 and ÷100 (0.95 × 100 = 95.00000000000001 → 95). */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

export function fractionToPercent(fraction: number): number {
  return clean(fraction * 100);
}

export function percentToFraction(percent: number): number {
  return clean(percent / 100);
}

/**
 * Reads a typed number; null for empty or unreadable text. In Vietnamese a dot followed by exactly three
 * digits is a thousands separator, any other dot (`0.5`) is read as a decimal point so pasted values work.
 */
export function parseNumberText(text: string, lang: UiLang): number | null {
  let s = text.replace(/[\s\u00a0₫%]/g, '');
  if (s === '' || s === '-') return null;
  const { group, decimal } = SEPARATORS[lang];
  if (lang === 'vi' && !s.includes(decimal) && s.includes(group) && !/^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(group, decimal); // a lone "0.5": the decimal point of a pasted number
  }
  s = s.split(group).join('').replace(decimal, '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Groups the digits of a number for display: 20000000000 → `20.000.000.000` (vi). */
export function formatNumberText(value: number, lang: UiLang, maximumFractionDigits = 6): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits }).format(value);
}

/**
 * Regroups the whole part while the user types and keeps the caret after the same digit:
 * (`2000000|`, 7) → (`2.000.000|`, 9). The decimal part is left as typed.
 */
export function regroupWhileTyping(text: string, caret: number, lang: UiLang): { text: string; caret: number } {
  const { group, decimal } = SEPARATORS[lang];
  const negative = text.trimStart().startsWith('-');
  const decimalAt = text.indexOf(decimal);
  const wholeRaw = decimalAt === -1 ? text : text.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : decimal + text.slice(decimalAt + 1).replace(/\D/g, '');
  const digits = wholeRaw.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  if (digits === '' && fraction === '') return { text: negative ? '-' : '', caret: negative ? 1 : 0 };
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const out = (negative ? '-' : '') + grouped + fraction;
  // Significant characters (digits, decimal mark, sign) before the caret stay before it.
  const significant = (s: string) => s.replace(new RegExp(`[^0-9\\-${decimal === '.' ? '\\.' : decimal}]`, 'g'), '');
  const before = significant(text.slice(0, caret)).replace(/^(-?)0+(?=\d)/, '$1').length;
  let seen = 0;
  let pos = 0;
  while (pos < out.length && seen < before) {
    if (significant(out[pos] as string) !== '') seen++;
    pos++;
  }
  return { text: out, caret: pos };
}
