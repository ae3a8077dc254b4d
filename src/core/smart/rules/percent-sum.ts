import type { KpiDefinition } from '../../kpi';
import { finding } from '../finding';
import type { Finding } from '../types';

/** Units whose values do not add up over time: a month of 12 % and one of 14 % is not a 26 % quarter. */
const NOT_ADDITIVE = new Set(['%', 'ratio']);

/**
 * A percentage or ratio added up over periods (aggregation `sum`) gives meaningless quarters and years
 * ("Cần thêm 95 %") and pace. Suggest the average, or the ratio of sums when numerator and denominator
 * are known (closing rate = deals won ÷ deals offered).
 */
export function checkPercentSum(kpi: Pick<KpiDefinition, 'unit' | 'aggregation'>): Finding[] {
  if (kpi.aggregation !== 'sum' || typeof kpi.unit !== 'string' || !NOT_ADDITIVE.has(kpi.unit)) return [];
  const unit = kpi.unit === '%' ? { vi: 'phần trăm', en: 'percentages' } : { vi: 'tỷ số', en: 'ratios' };
  return [
    finding(
      'M', 'SMART_M_PERCENT_SUM', 'warning',
      {
        vi: `KPI đo bằng ${unit.vi} nhưng cách tổng hợp là "Tổng": cộng dồn các ${unit.vi} qua các kỳ không có nghĩa`,
        en: `The KPI is measured in ${unit.en} but aggregated as "Sum": adding ${unit.en} over periods means nothing`,
      },
      {
        vi: 'Chọn cách tổng hợp "Trung bình", hoặc "Tỷ lệ" (tử số ÷ mẫu số) khi biết cả hai',
        en: 'Choose "Average", or "Ratio" (numerator ÷ denominator) when both are known',
      },
    ),
  ];
}
