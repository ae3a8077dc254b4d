import { DomainError, type Issue, type Localized } from '../errors';

/** The first problem gives the error its code and message; every problem is in `issues`. */
export function sheetError(issues: readonly Issue[]): DomainError {
  const first = issues[0];
  if (first === undefined) throw new Error('sheetError needs at least one issue');
  const more = issues.length - 1;
  const message: Localized =
    more === 0
      ? first.message
      : { vi: `${first.message.vi} (và ${more} lỗi khác)`, en: `${first.message.en} (and ${more} more)` };
  return new DomainError(first.code, message, { issues: [...issues] });
}

/** One problem as its own error (bonus, pool, proration and calibration inputs). */
export function appraisalError(code: string, vi: string, en: string, params: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, { vi, en }, { params });
}
