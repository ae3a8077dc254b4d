import { checkTargetSum } from '../../../core/target';
import type { UiLang } from '../../lib/format';
import { formatValueCompact } from '../results/display';
import type { ScopeKey, SumCheckT, TargetRecordT } from './types';

export interface SumStatus {
  ok: boolean;
  parent: number;
  childrenSum: number;
  /** parent − Σ children: negative = over-allocated, positive = not fully allocated. */
  difference: number;
}

/**
 * The sum check of one parent row: the API's mismatch when it reports one, else "adds up" when the row
 * has children with targets; null when the row is nobody's parent.
 */
export function sumStatusOf(
  key: ScopeKey,
  check: SumCheckT | undefined,
  children: ReadonlyMap<ScopeKey, ScopeKey[]>,
  targets: ReadonlyMap<ScopeKey, TargetRecordT>,
): SumStatus | null {
  if (!check?.applicable) return null;
  const mismatch = check.mismatches.find((m) => m.id === key);
  if (mismatch) return { ok: false, parent: mismatch.parent, childrenSum: mismatch.childrenSum, difference: mismatch.difference };
  const own = targets.get(key);
  const kids = (children.get(key) ?? []).map((k) => targets.get(k)?.value).filter((v): v is number => v !== undefined);
  if (!own || kids.length === 0) return null;
  const r = checkTargetSum('sum', own.value, kids);
  return r.applicable ? { ok: true, parent: own.value, childrenSum: r.childrenSum, difference: 0 } : null;
}

/** −600 000 000 ₫ → "−600 triệu" / "−600M ₫": a real minus sign, and "+" for a positive difference. */
export function formatSignedCompact(value: number, unit: string | null | undefined, lang: UiLang): string {
  if (value === 0) return formatValueCompact(0, unit, lang);
  return (value < 0 ? '\u2212' : '+') + formatValueCompact(Math.abs(value), unit, lang);
}
