import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { EN, VI } from './dictionaries';

export type UiLang = 'vi' | 'en';
export const UI_LANGS: readonly UiLang[] = ['vi', 'en'];

const STORAGE_KEY = 'openkpi.lang';

/** The language chosen before login (or last used on this browser); Vietnamese by default. */
export function storedLang(): UiLang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'vi' ? v : 'vi';
  } catch {
    return 'vi';
  }
}

export function rememberLang(lang: UiLang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function currentLang(): UiLang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: VI }, en: { translation: EN } },
  lng: storedLang(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
