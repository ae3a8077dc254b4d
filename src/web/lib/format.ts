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
 * Short money for cards and charts: vi "20 tỷ", "500 triệu", "50 nghìn" (the unit words imply đồng);
 * en "20B ₫", "500M ₫". Other currencies keep their symbol.
 */
export function formatMoneyCompact(value: number, lang: UiLang, currency = 'VND'): string {
  if (lang === 'vi') {
    const words = new Intl.NumberFormat('vi-VN', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(value);
    return currency === 'VND' ? words : `${words} ${currencySymbol(currency, lang)}`;
  }
  const short = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
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
