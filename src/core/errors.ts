/** Languages the product speaks. Vietnamese first. */
export type Lang = 'vi' | 'en';

/** A user-facing text in every supported language. */
export interface Localized {
  vi: string;
  en: string;
}

/** One problem with one field (or one row/column of an import). */
export interface Issue {
  /** Dotted path of the field, e.g. `email`, `units.3.parent`, or `row 12 / email`. */
  path: string;
  code: string;
  message: Localized;
  /** 1-based row number for imports (header is row 1). */
  row?: number;
  column?: string;
}

/**
 * The one error type of the domain. `code` is stable (clients switch on it);
 * the server maps it to an HTTP status and picks the message in the request's language.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly localized: Localized;
  readonly issues: Issue[];
  readonly params: Record<string, unknown>;

  constructor(code: string, message: Localized, options: { issues?: Issue[]; params?: Record<string, unknown> } = {}) {
    super(message.en);
    this.name = 'DomainError';
    this.code = code;
    this.localized = message;
    this.issues = options.issues ?? [];
    this.params = options.params ?? {};
  }
}

export function issue(path: string, code: string, vi: string, en: string, extra: Partial<Issue> = {}): Issue {
  return { path, code, message: { vi, en }, ...extra };
}
