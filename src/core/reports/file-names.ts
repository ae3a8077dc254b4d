/**
 * An ASCII slug for file names: diacritics removed (đ → d), anything but letters and digits becomes one
 * hyphen, so no path separator, dot-dot or control character can reach a file name. Never empty.
 */
export function asciiSlug(text: string, fallback = 'file'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** The file of one person's evaluation sheet: `vu-dinh-khoa-nhanvien.pdf` (name + e-mail local part). */
export function personFileName(name: string, email: string, ext: 'xlsx' | 'pdf'): string {
  return `${asciiSlug(name, 'person')}-${asciiSlug(email.split('@')[0] ?? '', 'email')}.${ext}`;
}

/** Names made unique within one zip: a second `x.pdf` becomes `x-2.pdf`. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : n.replace(/(\.[a-z]+)$/, `-${count}$1`);
  });
}
