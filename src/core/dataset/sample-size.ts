import { DomainError, issue, type Issue } from '../errors';
import { normalQuantile } from './normal';

export interface SampleSizeRequest {
  /** Share aware today (the next survey's "before"), 0 < baseline < 1. */
  baseline: number;
  /** The smallest change worth detecting, in share points (0.05 = 5 points); may be negative. */
  lift: number;
  /** Default 0.8. */
  power?: number;
  /** Two-sided significance level, default 0.05. */
  alpha?: number;
}

/**
 * People to ask in each of two surveys so that a change of `lift` from `baseline` is found significant with
 * probability `power` (two-proportion z-test, no continuity correction):
 * n = (z₁₋α/₂·√(2·p̄(1−p̄)) + z_power·√(p₁(1−p₁) + p₂(1−p₂)))² ÷ lift², rounded up; p̄ = (p₁ + p₂)/2.
 * 0.20 → 0.30: 293.15 → 294 per survey.
 */
export function sampleSizePerGroup(request: SampleSizeRequest): number {
  const { baseline: p1, lift, power = 0.8, alpha = 0.05 } = request;
  const p2 = p1 + lift;
  const issues: Issue[] = [];
  if (!(p1 > 0 && p1 < 1)) issues.push(issue('baseline', 'INVALID_BASELINE', 'Tỷ lệ hiện tại phải lớn hơn 0 và nhỏ hơn 1', 'The baseline share must be above 0 and below 1'));
  else if (!(lift !== 0 && p2 > 0 && p2 < 1)) {
    issues.push(issue('lift', 'INVALID_LIFT', 'Mức chênh phải khác 0 và giữ tỷ lệ mới trong khoảng (0, 1)', 'The lift must not be 0 and must keep the new share between 0 and 1'));
  }
  if (!(power >= 0.5 && power < 1)) issues.push(issue('power', 'INVALID_POWER', 'Độ mạnh (power) phải từ 0,5 đến dưới 1', 'The power must be from 0.5 to below 1'));
  if (!(alpha > 0 && alpha <= 0.5)) issues.push(issue('alpha', 'INVALID_ALPHA', 'Mức ý nghĩa phải lớn hơn 0 và không quá 0,5', 'The significance level must be above 0 and at most 0.5'));
  if (issues.length > 0) {
    throw new DomainError('SAMPLE_SIZE_INVALID', { vi: `Không tính được cỡ mẫu: ${issues[0]!.message.vi}`, en: `Cannot compute the sample size: ${issues[0]!.message.en}` }, { issues });
  }
  const mean = (p1 + p2) / 2;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zPower = normalQuantile(power);
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  // 1e-9 guards against a float result a hair above a whole number.
  return Math.ceil((root * root) / (lift * lift) - 1e-9);
}
