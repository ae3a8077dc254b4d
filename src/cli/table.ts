import type { Lang } from '../core/errors';

export type Cell = string | number | boolean | null;

/** A number as people read it: 1.234.567,5 in Vietnamese, 1,234,567.5 in English; at most 4 decimals. */
export function formatNumber(value: number, lang: Lang, maxDecimals = 4): string {
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: maxDecimals });
}

export function formatPercent(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { style: 'percent', maximumFractionDigits: 2 }).format(value);
}

function show(value: Cell, lang: Lang): string {
  if (value === null) return '—';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'boolean') return lang === 'vi' ? (value ? 'có' : 'không') : value ? 'yes' : 'no';
  return value;
}

/** A plain-text table: a header, a rule, then rows; numbers right-aligned. */
export function textTable(headers: string[], rows: Cell[][], lang: Lang): string {
  const cells = rows.map((r) => r.map((v) => show(v, lang)));
  const width = headers.map((h, i) => Math.max([...h].length, ...cells.map((r) => [...r[i]!].length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  const line = (values: string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(width[i]!) : v.padEnd(width[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), width.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].map((l) => `${l}\n`).join('');
}
