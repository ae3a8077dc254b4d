import type { Localized } from '../../../core/errors';
import type { UiLang } from '../../lib/format';

/** Select options from a core label table, in the UI language. */
export function optionsOf<K extends string>(labels: Record<K, Localized>, lang: UiLang): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, Localized][]).map(([value, l]) => ({ value, label: l[lang] }));
}

/** The label of a stored enum value; unknown values are shown as stored. */
export function labelOf(labels: Record<string, Localized>, value: string | null | undefined, lang: UiLang): string {
  if (value === null || value === undefined || value === '') return '—';
  return labels[value]?.[lang] ?? value;
}
