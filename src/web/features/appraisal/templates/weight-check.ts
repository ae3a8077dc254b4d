import { exactTotal, weightIssues } from '../../../../core/appraisal/weights';
import type { Localized } from '../../../../core/errors';
import { formatNumber, type UiLang } from '../../../lib/format';

/** One level of a sheet's weights (the groups, or the items of one group) as the editor checks it live. */
export interface WeightCheck {
  /** `groups` or `groups.<i>.items`, the same path the server names in its issues. */
  path: string;
  ok: boolean;
  /** The exact decimal total (33.33 + 33.33 + 33.34 = 100, never 99.99999…). */
  total: number;
  /** The server's own message when the level is wrong (same function, same words). */
  message: Localized | null;
}

interface Weighted {
  code?: string | undefined;
  weight?: number | null | undefined;
}

/**
 * The weight checks of every level: the SAME decimal rule as the server (core/appraisal weightIssues), so
 * the editor never accepts what the server refuses or the other way round. Empty weights count as missing.
 */
export function weightChecks(groups: readonly (Weighted & { items?: readonly Weighted[] | undefined })[]): WeightCheck[] {
  const level = (path: string, label: Localized, list: readonly Weighted[]): WeightCheck => {
    const weights = list.map((w, i) => ({ code: w.code || String(i + 1), weight: w.weight ?? undefined }));
    const issues = weightIssues({ path, label }, weights);
    const numbers = weights.map((w) => w.weight).filter((w): w is number => typeof w === 'number' && Number.isFinite(w) && w >= 0);
    return { path, ok: issues.length === 0, total: numbers.length === 0 ? 0 : exactTotal(numbers).value, message: issues[0]?.message ?? null };
  };
  return [
    level('groups', { vi: 'các nhóm', en: 'the groups' }, groups),
    ...groups.map((g, i) => level(`groups.${i}.items`, { vi: `các mục của nhóm "${g.code ?? i + 1}"`, en: `the items of group "${g.code ?? i + 1}"` }, g.items ?? [])),
  ];
}

/** "100" when right, "99,99 ≠ 100" when not (vi) — the live total shown under each level. */
export function totalLabel(check: Pick<WeightCheck, 'ok' | 'total'>, lang: UiLang): string {
  const total = formatNumber(check.total, lang, 4);
  return check.ok ? `Σ ${total}` : `Σ ${total} ≠ 100`;
}
