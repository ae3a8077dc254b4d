import type { KpiDefinition } from '../../kpi';
import { finding } from '../finding';
import type { Finding, SmartContext } from '../types';

export function checkAlign(kpi: KpiDefinition, context: SmartContext): Finding[] {
  const parents = kpi.parents ?? [];
  if (parents.length === 0) {
    if (kpi.level === 'strategic') return [];
    return [
      finding(
        'ALIGN', 'SMART_ALIGN_PARENT_MISSING', 'warning',
        // No code in the text: a draft has none yet (the SMART preview fills in a placeholder).
        { vi: 'KPI này chưa liên kết với KPI cấp trên nào', en: 'This KPI is not linked to any parent KPI' },
        {
          vi: 'Liên kết với KPI cấp trên mà KPI này góp phần đạt được (ví dụ Doanh thu thuần), kèm trọng số',
          en: 'Link it to the parent KPI it contributes to (e.g. Net revenue), with a weight',
        },
      ),
    ];
  }
  if (!context.knownKpiCodes) return [];
  const known = new Set(context.knownKpiCodes);
  const missing = parents.map((p) => p.code).filter((code) => !known.has(code));
  if (missing.length === 0) return [];
  const list = missing.join(', ');
  return [
    finding(
      'ALIGN', 'SMART_ALIGN_PARENT_UNKNOWN', 'error',
      { vi: `KPI cấp trên không tồn tại: ${list}`, en: `Parent KPI does not exist: ${list}` },
      { vi: 'Sửa mã KPI cấp trên hoặc tạo KPI đó trước', en: 'Fix the parent KPI code or create that KPI first' },
    ),
  ];
}
