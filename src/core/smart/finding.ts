import type { Finding, FindingSeverity, SmartLetter } from './types';

export function finding(
  letter: SmartLetter,
  code: string,
  severity: FindingSeverity,
  message: { vi: string; en: string },
  suggestion: { vi: string; en: string },
): Finding {
  return { letter, code, severity, message, suggestion };
}

export const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
