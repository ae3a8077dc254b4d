import type { ScoringConfig } from '../evaluation';
import { isValueInRange } from '../limits';
import { DEFAULT_CAP, DEFAULT_FLOOR } from '../scoring';
import type { Problem } from './cross-check';
import type { FilePath } from './types';

/**
 * Rules between a KPI's scoring values, with file paths under `base` (e.g. `kpis[3].scoring`):
 * floor ≤ cap (defaults 0 and 1.2 included), cap > 0, bands ascending, a range with min ≤ max and a
 * positive tolerance, range KPIs scored by the range method only, status rules from the highest down.
 */
export function scoringProblems(c: ScoringConfig, direction: string, base: FilePath): Problem[] {
  const out: Problem[] = [];
  const at = (path: FilePath, code: string, vi: string, en: string) => out.push({ path: [...base, ...path], code, message: { vi, en } });

  const numbers = [c.floor, c.cap, c.tolerance, ...(c.statusRules ?? []).map((s) => s.min)];
  if (c.method?.kind === 'bands') numbers.push(c.method.below, ...c.method.bands.flatMap((b) => [b.min, b.score]));
  if (c.method?.kind === 'range') numbers.push(c.method.min, c.method.max, c.method.tolerance);
  if (numbers.some((x) => x !== undefined && !isValueInRange(x))) {
    at([], 'KPI_FILE_NOT_FINITE', 'Mọi số của "scoring" phải là số hữu hạn trong ±10^15', 'Every number of "scoring" must be finite and within ±10^15');
    return out;
  }

  const floor = c.floor ?? DEFAULT_FLOOR;
  const cap = c.cap ?? DEFAULT_CAP;
  if (cap <= 0) at(['cap'], 'SCORING_CAP_NOT_POSITIVE', `Điểm trần phải lớn hơn 0 (nhận được ${cap})`, `The cap must be above 0 (got ${cap})`);
  if (floor > cap) {
    const which = c.cap === undefined ? { vi: ' (mặc định)', en: ' (the default)' } : { vi: '', en: '' };
    at([c.floor !== undefined ? 'floor' : 'cap'], 'SCORING_FLOOR_ABOVE_CAP', `Điểm sàn (${floor}) lớn hơn điểm trần${which.vi} (${cap})`, `The floor (${floor}) is above the cap${which.en} (${cap})`);
  }

  const method = c.method;
  if (method?.kind === 'bands') {
    if (method.bands.length === 0) at(['bands'], 'SCORING_BANDS_REQUIRED', 'Bảng bậc điểm không được rỗng', 'The bands list must not be empty');
    method.bands.forEach((b, i) => {
      const prev = method.bands[i - 1];
      if (!prev) return;
      if (b.min <= prev.min) {
        at(['bands', i, 'min'], 'SCORING_BANDS_NOT_ASCENDING', `Các bậc phải tăng dần theo "min": bậc ${i + 1} (${b.min}) không lớn hơn bậc ${i} (${prev.min})`, `Bands must ascend by "min": band ${i + 1} (${b.min}) is not above band ${i} (${prev.min})`);
      } else if (b.score < prev.score) {
        at(['bands', i, 'score'], 'SCORING_BANDS_NOT_ASCENDING', `Điểm của bậc ${i + 1} (${b.score}) thấp hơn bậc dưới nó (${prev.score})`, `Band ${i + 1} scores ${b.score}, less than the band below it (${prev.score})`);
      }
    });
  }
  if (method?.kind === 'range') {
    if (method.min > method.max) at(['range', 'min'], 'SCORING_RANGE_MIN_ABOVE_MAX', `Khoảng cần min ≤ max (min ${method.min}, max ${method.max})`, `A range needs min ≤ max (min ${method.min}, max ${method.max})`);
    if (method.tolerance <= 0) at(['range', 'tolerance'], 'SCORING_TOLERANCE_NOT_POSITIVE', `Dung sai phải lớn hơn 0 (nhận được ${method.tolerance})`, `The tolerance must be above 0 (got ${method.tolerance})`);
  }
  if (direction === 'range' && method && method.kind !== 'range') {
    at(['method'], 'SCORING_METHOD_NOT_FOR_RANGE', `KPI "trong khoảng" chỉ tính điểm bằng method: range hoặc theo min/max của chỉ tiêu (nhận được ${method.kind})`, `A range KPI is scored by method: range or by its targets' min/max (got ${method.kind})`);
  }
  if (c.tolerance !== undefined) {
    if (c.tolerance <= 0) {
      at(['tolerance'], 'SCORING_TOLERANCE_NOT_POSITIVE', `Dung sai phải lớn hơn 0 (nhận được ${c.tolerance})`, `The tolerance must be above 0 (got ${c.tolerance})`);
    } else if (direction !== 'range' || method) {
      at(['tolerance'], 'SCORING_TOLERANCE_UNUSED', '"tolerance" chỉ dùng cho KPI "trong khoảng" tính theo min/max của chỉ tiêu (không có method)', '"tolerance" is only used by range KPIs scored against their targets\' min/max (no method)');
    }
  }
  (c.statusRules ?? []).forEach((rule, i) => {
    const prev = c.statusRules![i - 1];
    if (prev && rule.min >= prev.min) {
      at(['status_rules', i, 'min'], 'SCORING_STATUS_RULES_ORDER', `Quy tắc trạng thái được thử theo thứ tự: hãy xếp "min" giảm dần (quy tắc ${i + 1}: ${rule.min} ≥ ${prev.min})`, `Status rules are tried in order: list them by "min" from the highest down (rule ${i + 1}: ${rule.min} ≥ ${prev.min})`);
    }
  });
  return out;
}
