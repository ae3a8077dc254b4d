import type { Issue, Localized } from '../errors';

export const SMART_LETTERS = ['S', 'M', 'A', 'R', 'T', 'ALIGN'] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

export type FindingSeverity = 'error' | 'warning';

/** One result of the SMART check. Errors block activation; warnings are judgement calls. */
export interface Finding {
  letter: SmartLetter;
  /** Stable code, e.g. `SMART_A_OWNER_MISSING`. */
  code: string;
  severity: FindingSeverity;
  message: Localized;
  suggestion: Localized;
}

export interface SmartPerson {
  /** E-mail (KPI-as-code) or id (database), as used in `owner` / `measurer`. */
  ref: string;
  active: boolean;
}

/** What the check needs from outside, as plain data. Leave a field out to skip that check. */
export interface SmartContext {
  /** People directory; when given, owner and measurer must be active people in it. */
  people?: readonly SmartPerson[];
  /** Codes of KPIs that exist; when given, parent links must point to one of them. */
  knownKpiCodes?: Iterable<string>;
  /** Formula checker (from the formula module); returns issues, or null/[] when valid. */
  formulaValid?: (formula: string) => Issue[] | null;
  /** Largest believable change of the target versus the scaled baseline (default 0.5 = 50 %). */
  realisticJump?: number;
}

export type SmartStatus = 'ok' | 'warning' | 'error';
export type SmartSummary = Record<SmartLetter, SmartStatus>;
