import type { Localized } from '../errors';
import type { ScoreReason } from './types';

const MESSAGES: Record<ScoreReason, Localized> = {
  'no-actual': { vi: 'Chưa có số thực hiện', en: 'No actual yet' },
  'no-target': { vi: 'Chưa có chỉ tiêu', en: 'No target set' },
  'no-baseline': { vi: 'Chưa có mức cơ sở', en: 'No baseline set' },
  'target-equals-baseline': {
    vi: 'Chỉ tiêu bằng mức cơ sở nên không tính được tiến độ',
    en: 'The target equals the baseline, so progress cannot be measured',
  },
  'zero-target': {
    vi: 'Chỉ tiêu bằng 0: đạt (100%) khi thực hiện ≥ 0',
    en: 'Zero target: met (100%) when the actual is ≥ 0',
  },
  'zero-actual': {
    vi: 'Thực hiện bằng 0 với KPI càng thấp càng tốt: tính bằng điểm trần',
    en: 'Zero actual on a decrease KPI: counted as the cap',
  },
  'negative-actual': {
    vi: 'Thực hiện âm với KPI càng thấp càng tốt: tính bằng điểm trần',
    en: 'Negative actual on a decrease KPI: counted as the cap',
  },
  'negative-target': {
    vi: 'Chỉ tiêu âm: tỷ lệ tính theo khoảng cách tới chỉ tiêu so với |chỉ tiêu|',
    en: 'Negative target: measured as the distance from the target relative to |target|',
  },
};

export function scoreReasonMessage(reason: ScoreReason): Localized {
  return MESSAGES[reason];
}
