import { DomainError, issue, type Issue, type Localized } from '../errors';
import { normalQuantile, normalUpperTail } from './normal';
import { sampleSizePerGroup } from './sample-size';

/** One survey: how many of the people asked were aware of the brand. */
export interface SurveyCount {
  aware: number;
  asked: number;
}

export interface LiftWarning {
  code: 'SMALL_SAMPLE';
  message: Localized;
}

export interface LiftResult {
  /** Share aware before and after the campaign. */
  before: number;
  after: number;
  /** after − before. */
  lift: number;
  /** lift ÷ before; null when nobody was aware before. */
  relative: number | null;
  /** Two-proportion z statistic with the pooled proportion, and its two-sided p-value. */
  z: number;
  p: number;
  /** Confidence interval of the lift with the unpooled (Wald) standard error. */
  ci: [number, number];
  confidence: number;
  significant: boolean;
  /** People per survey needed to detect a lift this large (power 0.8 at this confidence); null when the lift is 0. */
  sampleSizeToDetect: number | null;
  warnings: LiftWarning[];
  /** The conclusion in plain words. */
  message: Localized;
}

/** Below this many answers per survey the normal approximation is rough: say so. */
export const SMALL_SURVEY = 100;
const MAX_ASKED = 1_000_000_000;

/**
 * Brand-awareness lift between two surveys: lift = p_after − p_before, tested with the two-proportion z-test
 * (pooled proportion for z, two-sided p); the interval uses the unpooled (Wald) standard error.
 * 120/400 → 152/400: lift 0.08, relative 0.2667, z ≈ 2.388, p ≈ 0.0169, 95% interval ≈ [0.0146, 0.1454].
 */
export function awarenessLift(before: SurveyCount, after: SurveyCount, confidence = 0.95): LiftResult {
  const issues = [...surveyIssues(before, 'before'), ...surveyIssues(after, 'after')];
  if (!(confidence >= 0.5 && confidence <= 0.999)) {
    issues.push(issue('confidence', 'INVALID_CONFIDENCE', 'Độ tin cậy phải từ 0,5 đến 0,999 (ví dụ 0,95)', 'The confidence must be from 0.5 to 0.999 (e.g. 0.95)'));
  }
  if (issues.length > 0) {
    throw new DomainError('LIFT_INVALID', { vi: `Số liệu khảo sát không hợp lệ: ${issues[0]!.message.vi}`, en: `Invalid survey counts: ${issues[0]!.message.en}` }, { issues });
  }
  const { aware: a1, asked: n1 } = before;
  const { aware: a2, asked: n2 } = after;
  const p1 = a1 / n1;
  const p2 = a2 / n2;
  // From the counts with one division each, so 152/400 − 120/400 is exactly 0.08.
  const lift = (a2 * n1 - a1 * n2) / (n1 * n2);
  const relative = a1 === 0 ? null : (a2 * n1 - a1 * n2) / (a1 * n2);
  const pooled = (a1 + a2) / (n1 + n2);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // Everyone or no one aware in both surveys: no difference to test.
  const z = pooledSe === 0 ? 0 : lift / pooledSe;
  const p = Math.min(1, 2 * normalUpperTail(Math.abs(z)));
  const alpha = 1 - confidence;
  const zCritical = normalQuantile(1 - alpha / 2);
  const waldSe = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const significant = p < alpha;
  const sampleSizeToDetect = lift === 0 || p2 <= 0 || p2 >= 1 || p1 <= 0 || p1 >= 1 ? null : sampleSizePerGroup({ baseline: p1, lift, alpha });
  return {
    before: p1,
    after: p2,
    lift,
    relative,
    z,
    p,
    ci: [lift - zCritical * waldSe, lift + zCritical * waldSe],
    confidence,
    significant,
    sampleSizeToDetect,
    warnings: smallSampleWarnings(n1, n2),
    message: conclusion(lift, significant, confidence, sampleSizeToDetect),
  };
}

function surveyIssues(s: SurveyCount, path: string): Issue[] {
  if (!Number.isInteger(s.asked) || s.asked < 1 || s.asked > MAX_ASKED) {
    return [issue(`${path}.asked`, 'INVALID_SAMPLE', 'Số người được hỏi phải là số nguyên từ 1 trở lên', 'The number of people asked must be a whole number of at least 1')];
  }
  if (!Number.isInteger(s.aware) || s.aware < 0 || s.aware > s.asked) {
    return [issue(`${path}.aware`, 'INVALID_AWARE', `Số người biết đến phải là số nguyên từ 0 đến ${s.asked}`, `The number aware must be a whole number from 0 to ${s.asked}`)];
  }
  return [];
}

function smallSampleWarnings(n1: number, n2: number): LiftWarning[] {
  if (Math.min(n1, n2) >= SMALL_SURVEY) return [];
  return [
    {
      code: 'SMALL_SAMPLE',
      message: {
        vi: `Mỗi cuộc khảo sát nên có ít nhất ${SMALL_SURVEY} câu trả lời; với ${Math.min(n1, n2)} câu trả lời, kết quả chỉ mang tính gần đúng.`,
        en: `Each survey should have at least ${SMALL_SURVEY} answers; with ${Math.min(n1, n2)} the result is only a rough guide.`,
      },
    },
  ];
}

function conclusion(lift: number, significant: boolean, confidence: number, n: number | null): Localized {
  const level = `${Math.round(confidence * 1000) / 10}`;
  const pts = (x: number, locale: string) => (x * 100).toLocaleString(locale, { maximumFractionDigits: 2 });
  if (significant) {
    const up = lift > 0;
    return {
      vi: `Mức độ nhận biết ${up ? 'tăng' : 'giảm'} ${pts(Math.abs(lift), 'vi-VN')} điểm phần trăm, có ý nghĩa thống kê ở độ tin cậy ${level.replace('.', ',')}%.`,
      en: `Awareness ${up ? 'rose' : 'fell'} by ${pts(Math.abs(lift), 'en-US')} percentage points, significant at ${level}% confidence.`,
    };
  }
  const next = n === null ? '' : ` Để phát hiện mức chênh này cần khoảng ${n.toLocaleString('vi-VN')} người mỗi cuộc khảo sát.`;
  const nextEn = n === null ? '' : ` To detect a difference this size, ask about ${n.toLocaleString('en-US')} people per survey.`;
  return {
    vi: `Chênh lệch ${pts(lift, 'vi-VN')} điểm phần trăm KHÔNG có ý nghĩa thống kê ở độ tin cậy ${level.replace('.', ',')}%: có thể chỉ do ngẫu nhiên.${next}`,
    en: `The difference of ${pts(lift, 'en-US')} percentage points is NOT significant at ${level}% confidence: it may be chance.${nextEn}`,
  };
}
