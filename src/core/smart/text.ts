/**
 * Word matching that works for Vietnamese typed with or without diacritics.
 * Text written with diacritics is matched exactly ("tầng" is not "tăng"); text
 * written without them is matched against the terms with diacritics removed.
 */

export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

export interface Words {
  tokens: string[];
  stripped: string[];
  hasDiacritics: boolean;
}

export function toWords(text: string): Words {
  const tokens = (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}%]+/gu) ?? []) as string[];
  const stripped = tokens.map(stripDiacritics);
  return { tokens, stripped, hasDiacritics: tokens.some((t, i) => t !== stripped[i]) };
}

/** Does the phrase (one or more words) occur in the text as whole words? */
export function containsPhrase(words: Words, phrase: string): boolean {
  const p = toWords(phrase);
  const haystack = words.hasDiacritics ? words.tokens : words.stripped;
  const needle = words.hasDiacritics ? p.tokens : p.stripped;
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((w, j) => haystack[i + j] === w)) return true;
  }
  return false;
}

export function firstPhrase(words: Words, phrases: readonly string[]): string | null {
  return phrases.find((p) => containsPhrase(words, p)) ?? null;
}
