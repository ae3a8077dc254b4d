import type { Lang } from '../core/errors';

/** Accept-Language (first supported, by q) wins; then the user's setting; then Vietnamese. */
export function pickLang(acceptLanguage: string | undefined, userLocale: Lang | undefined): Lang {
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.slice(2)) : 1 };
      })
      .filter((x) => x.lang === 'vi' || x.lang === 'en')
      .sort((a, b) => b.q - a.q);
    if (ranked[0]) return ranked[0].lang as Lang;
  }
  return userLocale ?? 'vi';
}
