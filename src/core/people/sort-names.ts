/**
 * Vietnamese name order, the same everywhere (people listing in the database, every list and select of the web app):
 * by given name (the last word: "An" in "Nguyễn Văn An"), then by the rest (family and middle names), each with
 * Vietnamese collation as `Intl.Collator('vi')` applies it:
 * - primary: letters of the Vietnamese alphabet, where ă, â, đ, ê, ô, ơ, ư are letters of their own
 *   (a < ă < â < b < c < d < đ < e < ê < … < o < ô < ơ < … < u < ư < …); tone marks are folded away;
 * - secondary: tone marks, in the order ngang, huyền, hỏi, ngã, sắc, nặng (Ho < Hò < Hỏ < Hõ < Hó < Họ);
 * - tertiary: lower case before upper case.
 * So Hà < Hoàng < Hồ < Huỳnh (o comes before ô), and "Nguyễn Văn An" < "Trần Thị Bình" (An < Bình).
 *
 * `vietnameseNameSortKey` turns a name into a string whose plain code-unit order (`COLLATE "C"` in SQL)
 * is this order, so the database sorts a paginated listing by a stored key and the web compares the same keys.
 */

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Letter → one printable ASCII character, in alphabet order; digits sort before letters. */
const PRIMARY = new Map<string, string>([
  ...[...'0123456789'].map((d, i) => [d, String.fromCharCode(0x30 + i)] as [string, string]),
  ...[...ALPHABET].map((l, i) => [l, String.fromCharCode(0x41 + i)] as [string, string]),
]);

/** Combining marks that make another letter (breve, circumflex, horn). */
const LETTER_MARKS: Record<string, string> = { '\u0306': 'breve', '\u0302': 'circumflex', '\u031b': 'horn' };
const WITH_MARK: Record<string, Record<string, string>> = {
  breve: { a: 'ă' },
  circumflex: { a: 'â', e: 'ê', o: 'ô' },
  horn: { o: 'ơ', u: 'ư' },
};
/** Tone marks → their rank: ngang 0, huyền 1, hỏi 2, ngã 3, sắc 4, nặng 5. */
const TONES: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };

const PART_END = ' '; // below every other key character: a shorter name sorts first ("Ho" < "Hoa")
const WORD_GAP = '!'; // between words of one part, below every letter and digit
const OTHER = '"'; // punctuation (hyphen, apostrophe, dot)

interface Letter {
  primary: string;
  tone: string;
  upper: boolean;
}

function lettersOf(word: string): Letter[] {
  const out: Letter[] = [];
  // One grapheme at a time: a base character and the combining marks after it.
  for (const cluster of word.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? []) {
    const [base, ...marks] = [...cluster];
    const lower = base!.toLowerCase();
    let letter = lower;
    let tone = '0';
    for (const m of marks) {
      const kind = LETTER_MARKS[m];
      if (kind) letter = WITH_MARK[kind]![letter] ?? letter;
      else if (TONES[m]) tone = TONES[m];
    }
    const primary = PRIMARY.get(letter) ?? (/[\p{L}\p{N}]/u.test(letter) ? letter : OTHER);
    out.push({ primary, tone, upper: base !== lower });
  }
  return out;
}

/** The three collation levels of a part of a name (its words in order). */
function partKey(words: string[]): string {
  const letters = words.map(lettersOf);
  const primary = letters.map((ls) => ls.map((l) => l.primary).join('')).join(WORD_GAP);
  const secondary = letters.flat().map((l) => l.tone).join('');
  const tertiary = letters.flat().map((l) => (l.upper ? '1' : '0')).join('');
  return primary + PART_END + secondary + PART_END + tertiary + PART_END;
}

/** Given name (the last word) and the rest of a full name, in Vietnamese order (family name first). */
export function splitVietnameseName(fullName: string): { given: string; rest: string } {
  const words = fullName.trim().split(/\s+/u).filter(Boolean);
  return { given: words.at(-1) ?? '', rest: words.slice(0, -1).join(' ') };
}

/** The sort key stored with a person (`people.sort_key`): compare keys by code unit. */
export function vietnameseNameSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/u).filter(Boolean);
  return partKey(words.slice(-1)) + partKey(words.slice(0, -1));
}

/** Compares two full names: given name first, then family and middle names, with Vietnamese collation. */
export function compareVietnameseNames(a: string, b: string): number {
  const ka = vietnameseNameSortKey(a);
  const kb = vietnameseNameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Sorts items by a name in Vietnamese order (a new array; ties keep their order). */
export function sortByVietnameseName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: vietnameseNameSortKey(nameOf(item)) }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return keyed.map((k) => k.item);
}
