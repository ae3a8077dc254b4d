import { DomainError, type Issue } from '../../../core/errors';
import { sheetError } from '../../../core/appraisal/errors';

export const TEMPLATE = { vi: 'mẫu phiếu đánh giá', en: 'Evaluation sheet template' };
export const CYCLE = { vi: 'kỳ đánh giá', en: 'Evaluation cycle' };

/** 422 listing every problem (the first gives the code and message). */
export function invalid(issues: readonly Issue[]): DomainError {
  return sheetError(issues);
}

/** 409: a template or cycle code is used already. */
export function codeTaken(kind: { vi: string; en: string }, code: string): DomainError {
  return new DomainError('APPRAISAL_CODE_TAKEN', { vi: `Mã ${kind.vi} "${code}" đã được dùng.`, en: `${kind.en} code "${code}" is already used.` }, { params: { code } });
}

/** 422: an archived template cannot be edited or assigned. */
export function templateArchived(name: string): DomainError {
  return new DomainError('APPRAISAL_TEMPLATE_ARCHIVED', { vi: `Mẫu phiếu "${name}" đã lưu trữ.`, en: `The template "${name}" is archived.` });
}

/** 409: only one bonus rule per effective date. */
export function ruleDateTaken(date: string): DomainError {
  return new DomainError(
    'APPRAISAL_RULE_DATE_TAKEN',
    { vi: `Đã có quy tắc thưởng hiệu lực từ ${date}; tạo phiên bản mới với ngày hiệu lực khác.`, en: `A bonus rule effective from ${date} exists already; add a new version with another date.` },
    { params: { date } },
  );
}

/** 409: a phase move the cycle's current phase does not allow. */
export function phaseInvalid(vi: string, en: string): DomainError {
  return new DomainError('APPRAISAL_PHASE_INVALID', { vi, en });
}
