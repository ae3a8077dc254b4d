import type { Localized } from '../errors';

const VI = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 20 });
const EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** A number as each language writes it (`1.000.000` / `1,000,000`), for error messages. */
export function formatNumberBoth(x: number): Localized {
  return { vi: VI.format(x), en: EN.format(x) };
}
