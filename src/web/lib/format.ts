/** Number, money and date formatting with Intl for the UI language (vi → vi-VN, en → en-US). */
export type UiLang = 'vi' | 'en';

const LOCALE: Record<UiLang, string> = { vi: 'vi-VN', en: 'en-US' };

export function intlLocale(lang: UiLang): string {
  return LOCALE[lang];
}

/** 1234567.89 → "1.234.567,89" (vi) or "1,234,567.89" (en). */
export function formatNumber(value: number, lang: UiLang, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits }).format(value);
}

/** 20e9 VND → "20.000.000.000 ₫" (vi) or "₫20,000,000,000" (en). */
export function formatMoney(value: number, lang: UiLang, currency = 'VND'): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency }).format(value);
}

/**
 * The one short form of a number, for cards, chart axes and tooltips, whatever its unit:
 * vi "12 nghìn", "1,5 triệu", "20 tỷ" (words, never the abbreviation "N"); en "12K", "1.5M", "20B".
 * Below a thousand the number is written out ("999", "12,5").
 */
export function formatCompact(value: number, lang: UiLang, maximumFractionDigits = 1): string {
  if (Math.abs(value) < 1000) return formatNumber(value, lang, Math.max(maximumFractionDigits, 2));
  const options: Intl.NumberFormatOptions =
    lang === 'vi' ? { notation: 'compact', compactDisplay: 'long', maximumFractionDigits } : { notation: 'compact', compactDisplay: 'short', maximumFractionDigits };
  return new Intl.NumberFormat(LOCALE[lang], options).format(value);
}

/**
 * Two numbers shown side by side in short form (actual / target), with as many decimals as it takes to
 * tell them apart: 4.985e9 and 5e9 read "4,985 tỷ" / "5 tỷ", not "5 tỷ" / "5 tỷ" (one decimal more than
 * the first that separates them, at most 4). Equal numbers stay short.
 */
export function compactDigitsFor(a: number, b: number, lang: UiLang): number {
  if (a === b || !Number.isFinite(a) || !Number.isFinite(b)) return 1;
  for (let digits = 1; digits <= 4; digits++) {
    if (formatCompact(a, lang, digits) !== formatCompact(b, lang, digits)) return digits === 1 ? 1 : Math.min(4, digits + 1);
  }
  return 4;
}

/**
 * Short money for cards and charts: vi "20 tỷ", "500 triệu", "50 nghìn" (the unit words imply đồng);
 * en "20B ₫", "500M ₫". Other currencies keep their symbol.
 */
export function formatMoneyCompact(value: number, lang: UiLang, currency = 'VND', maximumFractionDigits = 1): string {
  const short = formatCompact(value, lang, maximumFractionDigits);
  if (lang === 'vi') return currency === 'VND' ? short : `${short} ${currencySymbol(currency, lang)}`;
  return `${short} ${currencySymbol(currency, lang)}`;
}

function currencySymbol(currency: string, lang: UiLang): string {
  const part = new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency })
    .formatToParts(0)
    .find((p) => p.type === 'currency');
  return part?.value ?? currency;
}

function parts(date: Date, lang: UiLang, options: Intl.DateTimeFormatOptions, timeZone?: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat(LOCALE[lang], { ...options, ...(timeZone ? { timeZone } : {}), hourCycle: 'h23' });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

function toDate(value: Date | string): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "05/12/2026" (vi, dd/mm/yyyy) or "5 Dec 2026" (en: no reader can take day and month for each other). */
function dateText(year: string, month: string, day: string, lang: UiLang): string {
  return lang === 'vi' ? `${day}/${month}/${year}` : `${Number(day)} ${EN_MONTHS[Number(month) - 1]} ${year}`;
}

/** A date for the UI language (see `dateText`). A plain `YYYY-MM-DD` is a calendar date, shown as is. */
export function formatDate(value: Date | string, lang: UiLang, timeZone?: string): string {
  const plain = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (plain) return dateText(plain[1]!, plain[2]!, plain[3]!, lang);
  const p = parts(toDate(value), 'vi', { day: '2-digit', month: '2-digit', year: 'numeric' }, timeZone);
  return dateText(p.year!, p.month!, p.day!, lang);
}

/** "29/11/2026 10:05" (vi) or "29 Nov 2026 10:05" (en), 24-hour clock. */
export function formatDateTime(value: Date | string, lang: UiLang, timeZone?: string): string {
  const p = parts(toDate(value), 'vi', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }, timeZone);
  return `${dateText(p.year!, p.month!, p.day!, lang)} ${p.hour}:${p.minute}`;
}
