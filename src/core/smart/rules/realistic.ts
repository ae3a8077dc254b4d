import type { Lang } from '../../errors';
import type { KpiDefinition, KpiTarget } from '../../kpi';
import { periodDays, tryParsePeriod, type Period } from '../../period';
import { finding } from '../finding';
import { formatChange, formatValue } from '../format';
import type { Finding, SmartContext } from '../types';

export const DEFAULT_REALISTIC_JUMP = 0.5;

export interface ScaledBaseline {
  value: number;
  /** Set when the baseline was scaled by days (sum KPIs over periods of different length). */
  days?: { target: number; baseline: number };
}

/**
 * The baseline expressed for the target's period. Totals (`sum`) scale with the number of days:
 * a 2025 baseline of 180e9 for January 2026 is 180e9 × 31/365. Rates, averages and levels do not.
 */
export function scaleBaseline(aggregation: KpiDefinition['aggregation'], baselineValue: number, baselinePeriod: Period, targetPeriod: Period): ScaledBaseline {
  const target = periodDays(targetPeriod);
  const baseline = periodDays(baselinePeriod);
  if (aggregation !== 'sum' || target === baseline) return { value: baselineValue };
  return { value: (baselineValue * target) / baseline, days: { target, baseline } };
}

interface Comparison {
  target: KpiTarget;
  scaled: ScaledBaseline;
  change: number;
}

function baselineText(kpi: KpiDefinition, c: Comparison, lang: Lang): string {
  const b = kpi.baseline;
  if (!b) return '';
  const raw = formatValue(b.value, kpi.unit, lang);
  const word = lang === 'vi' ? 'mức cơ sở' : 'baseline';
  if (!c.scaled.days) return lang === 'vi' ? `${word} ${b.period} là ${raw}` : `${word} ${b.period} of ${raw}`;
  const days = `${c.scaled.days.target}/${c.scaled.days.baseline}`;
  const scaled = formatValue(c.scaled.value, kpi.unit, lang);
  return lang === 'vi' ? `${word} ${b.period} là ${raw} × ${days} ngày = ${scaled}` : `${word} ${b.period} of ${raw} × ${days} days = ${scaled}`;
}

function others(count: number, lang: Lang): string {
  if (count <= 1) return '';
  return lang === 'vi' ? ` (cùng ${count - 1} kỳ khác)` : ` (and ${count - 1} other period${count - 1 > 1 ? 's' : ''})`;
}

function compareAll(kpi: KpiDefinition): Comparison[] {
  const b = kpi.baseline;
  const baselinePeriod = b && Number.isFinite(b.value) ? tryParsePeriod(b.period) : null;
  if (!b || !baselinePeriod) return [];
  return (kpi.targets ?? []).flatMap((target) => {
    const period = tryParsePeriod(target.period);
    if (!period || !Number.isFinite(target.value)) return [];
    const scaled = scaleBaseline(kpi.aggregation, b.value, baselinePeriod, period);
    const change = scaled.value > 0 ? target.value / scaled.value - 1 : Number.NaN;
    return [{ target, scaled, change }];
  });
}

export function checkRealistic(kpi: KpiDefinition, context: SmartContext): Finding[] {
  const jump = context.realisticJump ?? DEFAULT_REALISTIC_JUMP;
  const hasNumericTarget = (kpi.targets ?? []).some((t) => Number.isFinite(t.value));
  if (!kpi.baseline) {
    if (!hasNumericTarget) return [];
    return [
      finding(
        'R', 'SMART_R_BASELINE_MISSING', 'warning',
        { vi: 'Chưa có mức cơ sở nên không thể đánh giá chỉ tiêu có thực tế hay không', en: 'There is no baseline, so the target cannot be checked for realism' },
        {
          vi: 'Nhập mức cơ sở: kết quả thực hiện của kỳ gần nhất (ví dụ năm 2025)',
          en: 'Enter a baseline: the actual result of the latest period (e.g. year 2025)',
        },
      ),
    ];
  }
  if (kpi.direction === 'range') return [];

  const comparisons = compareAll(kpi);
  const increase = kpi.direction === 'increase';
  const tooFar = comparisons.filter((c) => (increase ? c.change > jump : c.change < -jump));
  const reached = comparisons.filter((c) => (increase ? c.target.value <= c.scaled.value : c.target.value >= c.scaled.value));
  const out: Finding[] = [];

  if (tooFar.length > 0) {
    const worst = tooFar.reduce((a, c) => (increase ? (c.change > a.change ? c : a) : c.change < a.change ? c : a));
    const change = formatChange(worst.change);
    const limit = formatChange(increase ? jump : -jump);
    const t = (lang: Lang): string => formatValue(worst.target.value, kpi.unit, lang);
    out.push(
      finding(
        'R', increase ? 'SMART_R_TARGET_TOO_HIGH' : 'SMART_R_TARGET_TOO_LOW', 'warning',
        {
          vi: `Chỉ tiêu kỳ ${worst.target.period} (${t('vi')}) ${increase ? 'cao' : 'thấp'} hơn mức cơ sở quy đổi ${change} (${baselineText(kpi, worst, 'vi')}); mức thay đổi hợp lý tối đa là ${limit}${others(tooFar.length, 'vi')}`,
          en: `The target for ${worst.target.period} (${t('en')}) is ${change} ${increase ? 'above' : 'below'} the scaled baseline (${baselineText(kpi, worst, 'en')}); the realistic limit is ${limit}${others(tooFar.length, 'en')}`,
        },
        {
          vi: 'Kiểm tra lại chỉ tiêu, hoặc ghi rõ kế hoạch hành động (kênh mới, sản phẩm mới, thêm nhân sự…) giúp đạt mức thay đổi này',
          en: 'Check the target, or write down the action plan (new channel, new product, more staff…) that makes this change possible',
        },
      ),
    );
  }

  const first = reached[0];
  if (first) {
    const t = (lang: Lang): string => formatValue(first.target.value, kpi.unit, lang);
    out.push(
      finding(
        'R', 'SMART_R_ALREADY_REACHED', 'warning',
        {
          vi: `Chỉ tiêu kỳ ${first.target.period} (${t('vi')}) đã đạt ngay ở mức cơ sở (${baselineText(kpi, first, 'vi')})${others(reached.length, 'vi')}`,
          en: `The target for ${first.target.period} (${t('en')}) is already reached at the baseline (${baselineText(kpi, first, 'en')})${others(reached.length, 'en')}`,
        },
        increase
          ? { vi: 'Đặt chỉ tiêu cao hơn mức cơ sở để KPI tạo động lực cải tiến', en: 'Set the target above the baseline so the KPI drives improvement' }
          : { vi: 'Đặt chỉ tiêu thấp hơn mức cơ sở để KPI tạo động lực cải tiến', en: 'Set the target below the baseline so the KPI drives improvement' },
      ),
    );
  }
  return out;
}
