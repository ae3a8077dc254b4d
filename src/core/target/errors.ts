import { DomainError } from '../errors';
import { formatNumberBoth } from './format';

export function stepInvalid(step: number): DomainError {
  const s = Number.isFinite(step) ? formatNumberBoth(step) : { vi: String(step), en: String(step) };
  return new DomainError(
    'TARGET_STEP_INVALID',
    { vi: `Bước làm tròn phải là số dương (nhận được: ${s.vi})`, en: `The rounding step must be a positive number (got: ${s.en})` },
    { params: { step } },
  );
}

export function notMultipleOfStep(what: { vi: string; en: string }, value: number, step: number): DomainError {
  const v = formatNumberBoth(value);
  const s = formatNumberBoth(step);
  return new DomainError(
    'TARGET_NOT_MULTIPLE_OF_STEP',
    {
      vi: `${what.vi} ${v.vi} không chia hết cho bước làm tròn ${s.vi}: hãy chọn bước nhỏ hơn hoặc sửa giá trị`,
      en: `${what.en} ${v.en} is not a multiple of the rounding step ${s.en}: choose a smaller step or change the value`,
    },
    { params: { value, step } },
  );
}

export const TOTAL_LABEL = { vi: 'Tổng chỉ tiêu', en: 'The total target' };

export function numberInvalid(what: { vi: string; en: string }, value: unknown): DomainError {
  return new DomainError(
    'TARGET_VALUE_INVALID',
    { vi: `${what.vi} phải là một số (nhận được: ${String(value)})`, en: `${what.en} must be a number (got: ${String(value)})` },
    { params: { value } },
  );
}

export function weightsInvalid(detail: { vi: string; en: string }): DomainError {
  return new DomainError('TARGET_WEIGHTS_INVALID', {
    vi: `Trọng số phân bổ không hợp lệ: ${detail.vi}`,
    en: `Invalid split weights: ${detail.en}`,
  });
}

export function weightsCountMismatch(weights: number, parts: number): DomainError {
  return new DomainError(
    'TARGET_WEIGHTS_COUNT_MISMATCH',
    {
      vi: `Có ${weights} trọng số nhưng ${parts} kỳ: số trọng số phải bằng số kỳ`,
      en: `Got ${weights} weights for ${parts} periods: give exactly one weight per period`,
    },
    { params: { weights, parts } },
  );
}

export function allLocked(): DomainError {
  return new DomainError('TARGET_ALL_LOCKED', {
    vi: 'Mọi phần đều đã khóa: hãy mở khóa ít nhất một phần để nhận phần chênh lệch',
    en: 'Every part is locked: unlock at least one part to take the difference',
  });
}

export function indexInvalid(index: number, count: number): DomainError {
  return new DomainError(
    'TARGET_INDEX_INVALID',
    { vi: `Không có phần thứ ${index + 1} (chỉ có ${count} phần)`, en: `There is no part ${index + 1} (only ${count} parts)` },
    { params: { index, count } },
  );
}
