/** `2025-09-02` → `02/09/2025` (the product writes dates dd/mm/yyyy). */
export { ddmmyyyy as toDmy } from '../../../core/period';

/** `2/9/2025` or `02/09/2025` → `2025-09-02`; null when it is not a real date. */
export function fromDmy(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
