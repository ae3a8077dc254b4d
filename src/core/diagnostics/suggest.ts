import type { Localized } from '../errors';
import { numberFormat } from '../intl/formats';
import type { MissReason } from './reasons';

/** What the app gathers about one missed (KPI, scope, period) to suggest reasons. */
export interface MissFacts {
  /** Codes of the KPI's SMART findings (core/smart); empty when it passes. */
  smartFindings: string[];
  /** Target-agreement states of the appraisal items carrying this KPI in the period's cycle; empty = none carry it. */
  agreementStates: string[];
  /** The value for the period was reported after its deadline (kpi_actuals.late). */
  late: boolean;
  /** No value at all for the period. */
  missing: boolean;
  target: number | null;
  /** The actual of the same period a year earlier, when there was one. */
  lastYearActual: number | null;
}

export interface Suggestion {
  reason: MissReason;
  why: Localized;
}

/** Agreement states that count as agreed (agreement.ts: agreed by both, or finalized by the manager). */
const AGREED = new Set(['agreed', 'finalized']);
export const UNREALISTIC_JUMP = 2;

const fmt = (n: number, lang: 'vi' | 'en') => numberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 }).format(n);

/**
 * Suggested reasons from data, each with why, for the owner to confirm:
 * SMART findings → unclear_goal; an item carrying the KPI not agreed → no_agreement; a value late or missing →
 * not_measured_on_time; a target above 2 × last year's actual of the same period (positive actual) → unrealistic_target.
 */
export function suggestReasons(f: MissFacts): Suggestion[] {
  const out: Suggestion[] = [];
  if (f.smartFindings.length > 0) {
    const list = f.smartFindings.join(', ');
    out.push({ reason: 'unclear_goal', why: { vi: `KPI có ${f.smartFindings.length} điểm chưa đạt SMART (${list}).`, en: `The KPI has ${f.smartFindings.length} SMART finding(s) (${list}).` } });
  }
  const notAgreed = f.agreementStates.filter((s) => !AGREED.has(s)).length;
  if (notAgreed > 0) {
    out.push({
      reason: 'no_agreement',
      why: {
        vi: `${notAgreed}/${f.agreementStates.length} phiếu đánh giá mang KPI này chưa thống nhất chỉ tiêu.`,
        en: `${notAgreed} of ${f.agreementStates.length} evaluation sheet item(s) carrying this KPI never had the target agreed.`,
      },
    });
  }
  if (f.missing) out.push({ reason: 'not_measured_on_time', why: { vi: 'Không có số liệu thực hiện cho kỳ này.', en: 'No actual was reported for this period.' } });
  else if (f.late) out.push({ reason: 'not_measured_on_time', why: { vi: 'Số liệu được báo cáo sau hạn báo cáo.', en: 'The actual was reported after the reporting deadline.' } });
  if (f.target !== null && f.lastYearActual !== null && f.lastYearActual > 0 && f.target > UNREALISTIC_JUMP * f.lastYearActual) {
    out.push({
      reason: 'unrealistic_target',
      why: {
        vi: `Chỉ tiêu ${fmt(f.target, 'vi')} cao hơn 2 lần thực hiện cùng kỳ năm trước (${fmt(f.lastYearActual, 'vi')}).`,
        en: `The target ${fmt(f.target, 'en')} is more than twice last year's actual for the same period (${fmt(f.lastYearActual, 'en')}).`,
      },
    });
  }
  return out;
}
