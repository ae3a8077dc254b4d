/** NUMERIC arrives as a string (exact); KPI values fit a JS number exactly up to 2^53. */
export function num(v: string | number): number {
  return typeof v === 'number' ? v : Number(v);
}

export function numOrNull(v: string | number | null): number | null {
  return v === null ? null : num(v);
}
