import { formatDate, formatDateTime, formatMoney, formatNumber, type UiLang } from '../../lib/format';
import type { ColumnType, CohortResultT } from './types';

/** A stored value as a person reads it: numbers in the language's style, dates dd/mm/yyyy (vi), datetimes in the company zone. */
export function formatCell(value: string | boolean | null | undefined, type: ColumnType, lang: UiLang, timeZone?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  switch (type) {
    case 'integer':
    case 'decimal': {
      const n = Number(value);
      // Beyond 2^53 a number would lose digits: show the exact text.
      return Number.isSafeInteger(Math.trunc(n)) ? formatNumber(n, lang, 6) : value;
    }
    case 'date':
      return formatDate(value, lang);
    case 'datetime':
      return formatDateTime(value, lang, timeZone);
    default:
      return value;
  }
}

/** How a measure's numbers are shown. */
export type MeasureFormat = 'number' | 'money' | 'percent';
export const MEASURE_FORMATS: readonly MeasureFormat[] = ['number', 'money', 'percent'];

export function formatMeasure(value: unknown, format: MeasureFormat, lang: UiLang): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  if (format === 'money') return formatMoney(Math.round(value), lang);
  if (format === 'percent') return formatRate(value, lang);
  return formatNumber(value, lang);
}

/** A rate 0.25 → "25 %" (vi) / "25%" (en), one decimal at most. */
export function formatRate(rate: number, lang: UiLang): string {
  const n = formatNumber(rate * 100, lang, 1);
  return lang === 'vi' ? `${n} %` : `${n}%`;
}

/** A group value as the query returned it: periods as text (2026-01, 2026-Q1, 2026), dates dd/mm/yyyy in vi. */
export function formatGroup(value: unknown, lang: UiLang): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, lang);
  if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) return lang === 'vi' ? `${value.slice(5)}/${value.slice(0, 4)}` : value;
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

export interface HeatCell {
  cohort: string;
  within: number;
  customers: number;
  returning: number;
  rate: number;
}

/**
 * The heat map's cells: one cohort query per window (within N days), joined by cohort. Cohorts in period
 * order; a cohort missing from a window's answer has no cell there.
 */
export function heatCells(windows: readonly number[], results: readonly CohortResultT[]): { cohorts: string[]; cells: HeatCell[] } {
  const cohorts = [...new Set(results.flatMap((r) => r.rows.map((row) => row.cohort)))].sort();
  const cells = windows.flatMap((within, i) => (results[i]?.rows ?? []).map((row) => ({ within, ...row })));
  return { cohorts, cells };
}

/**
 * A preview value (the canonical text the import would store) for reading: numbers and dates as `formatCell`; a
 * datetime `YYYY-MM-DD HH:MM:SS` is a wall-clock time in the company zone, shown as written (dd/mm/yyyy HH:MM in vi).
 */
export function formatPreviewCell(value: string | null, type: ColumnType, lang: UiLang): string {
  if (value === null) return '';
  const wall = type === 'datetime' ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(value) : null;
  if (wall) return `${formatDate(wall[1]!, lang)} ${wall[2]}`;
  if (type === 'datetime') return value;
  if (type === 'boolean') return value === 'true' ? '✓' : value === 'false' ? '✗' : value;
  return formatCell(value, type, lang);
}
