import type { ValueType } from './ast';

/** Names of value types as users read them. */
export function typeName(type: ValueType): { vi: string; en: string } {
  switch (type) {
    case 'number':
      return { vi: 'số', en: 'a number' };
    case 'boolean':
      return { vi: 'giá trị đúng/sai', en: 'a true/false value' };
    case 'text':
      return { vi: 'chuỗi ký tự', en: 'text' };
    default:
      return { vi: 'cột dữ liệu', en: 'a column' };
  }
}

/** The common type of two branches, or null when they cannot mix. `unknown` fits anything. */
export function unify(a: ValueType, b: ValueType): ValueType | null {
  if (a === 'unknown') return b;
  if (b === 'unknown' || a === b) return a;
  return null;
}
