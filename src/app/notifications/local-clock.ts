/** A period key as people read it: 2026-05 → 05/2026, 2026-Q2 → Q2/2026; others as they are. */
export function periodLabel(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${month[2]}/${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `Q${quarter[2]}/${quarter[1]}`;
  return key;
}
