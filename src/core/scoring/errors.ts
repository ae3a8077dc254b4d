import { DomainError } from '../errors';

/** A scoring setup that cannot work (floor above cap, a range with min > max …). */
export function scoringConfigError(vi: string, en: string, params: Record<string, unknown> = {}): DomainError {
  return new DomainError(
    'SCORING_CONFIG_INVALID',
    { vi: `Cấu hình tính điểm không hợp lệ: ${vi}`, en: `Invalid scoring setup: ${en}` },
    { params },
  );
}
