/** Calendar grains a date column is grouped by. */
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

/** to_char patterns giving the period keys used everywhere in OpenKPI: 2026-01-31, 2026-W05, 2026-01, 2026-Q1, 2026. */
const LABEL_PATTERN: Record<Grain, string> = {
  day: 'YYYY-MM-DD',
  week: 'IYYY-"W"IW',
  month: 'YYYY-MM',
  quarter: 'YYYY-"Q"Q',
  year: 'YYYY',
};

/**
 * SQL giving the period key of a local date or timestamp (no time zone: convert a timestamptz first). The keys
 * sort in time order as text. The pattern is a constant of ours, never user text.
 */
export function periodKeySql(localSql: string, grain: Grain): string {
  return `to_char(CAST(${localSql} AS timestamp), '${LABEL_PATTERN[grain]}')`;
}

export function isGrain(text: string): text is Grain {
  return (GRAINS as readonly string[]).includes(text);
}
