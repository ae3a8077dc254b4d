import type { KpiDefinition, KpiTarget } from '../../kpi';
import { finding, isBlank } from '../finding';
import type { Finding, SmartContext } from '../types';
import { checkPercentSum } from './percent-sum';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A target that gives a number to reach: a value, or for range KPIs both bounds. */
export function hasNumericGoal(kpi: Pick<KpiDefinition, 'direction'>, t: KpiTarget): boolean {
  return kpi.direction === 'range' ? isNum(t.min) && isNum(t.max) : isNum(t.value);
}

export function checkMeasurable(kpi: KpiDefinition, context: SmartContext): Finding[] {
  const out: Finding[] = [];
  if (isBlank(kpi.unit)) {
    out.push(
      finding(
        'M', 'SMART_M_UNIT_MISSING', 'error',
        { vi: 'KPI chưa có đơn vị đo', en: 'The KPI has no unit' },
        { vi: 'Chọn đơn vị: VND, %, số lượng, tỷ số, điểm, ngày, giờ hoặc ghi đơn vị riêng', en: 'Pick a unit: VND, %, count, ratio, score, days, hours, or type your own' },
      ),
    );
  }
  if (isBlank(kpi.source)) {
    out.push(
      finding(
        'M', 'SMART_M_SOURCE_MISSING', 'error',
        { vi: 'Chưa chọn nguồn dữ liệu', en: 'No data source is chosen' },
        { vi: 'Chọn nhập tay, nhập từ tệp, công thức hoặc tập dữ liệu', en: 'Choose manual entry, import, formula or a dataset' },
      ),
    );
  } else if (kpi.source === 'formula') {
    const formula = typeof kpi.formula === 'string' ? kpi.formula.trim() : '';
    if (formula === '') {
      out.push(
        finding(
          'M', 'SMART_M_FORMULA_MISSING', 'error',
          { vi: 'Nguồn dữ liệu là công thức nhưng chưa có công thức', en: 'The source is a formula but no formula is given' },
          { vi: 'Nhập công thức từ các KPI khác, ví dụ GROSS_PROFIT / REVENUE', en: 'Write a formula over other KPIs, e.g. GROSS_PROFIT / REVENUE' },
        ),
      );
    } else if (context.formulaValid) {
      const problems = context.formulaValid(formula) ?? [];
      const first = problems[0];
      if (first) {
        out.push(
          finding(
            'M', 'SMART_M_FORMULA_INVALID', 'error',
            { vi: `Công thức "${formula}" không hợp lệ: ${first.message.vi}`, en: `The formula "${formula}" is invalid: ${first.message.en}` },
            { vi: 'Sửa công thức theo hướng dẫn ngôn ngữ công thức', en: 'Fix the formula following the formula language guide' },
          ),
        );
      }
    }
  }
  const targets = Array.isArray(kpi.targets) ? kpi.targets : [];
  if (!targets.some((t) => hasNumericGoal(kpi, t))) {
    out.push(
      finding(
        'M', 'SMART_M_TARGET_MISSING', 'error',
        kpi.direction === 'range'
          ? { vi: 'Chưa có chỉ tiêu nào với khoảng giá trị (min và max)', en: 'No target gives a range (min and max)' }
          : { vi: 'Chưa có chỉ tiêu nào bằng con số', en: 'No target gives a number to reach' },
        { vi: 'Thêm chỉ tiêu cho ít nhất một kỳ, ví dụ tháng 2026-01: 20.000.000.000', en: 'Add a target for at least one period, e.g. month 2026-01: 20,000,000,000' },
      ),
    );
  }
  out.push(...checkPercentSum(kpi));
  return out;
}
