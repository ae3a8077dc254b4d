import type { KpiDefinition } from '../../kpi';
import { tryParsePeriod } from '../../period';
import { finding } from '../finding';
import type { Finding } from '../types';

export function checkTimeBound(kpi: KpiDefinition): Finding[] {
  const out: Finding[] = [];
  if (!kpi.frequency) {
    out.push(
      finding(
        'T', 'SMART_T_FREQUENCY_MISSING', 'error',
        { vi: 'Chưa chọn tần suất đo', en: 'No frequency is chosen' },
        { vi: 'Chọn đo hằng tuần, hằng tháng, hằng quý hoặc hằng năm', en: 'Measure weekly, monthly, quarterly or yearly' },
      ),
    );
  }
  const targets = kpi.targets ?? [];
  const invalid = targets.filter((t) => !tryParsePeriod(t.period)).map((t) => String(t.period));
  if (invalid.length > 0) {
    const list = invalid.map((p) => `"${p}"`).join(', ');
    out.push(
      finding(
        'T', 'SMART_T_TARGET_PERIOD_INVALID', 'error',
        { vi: `Kỳ của chỉ tiêu không hợp lệ: ${list}`, en: `Invalid target period: ${list}` },
        { vi: 'Dùng kỳ dạng 2026, 2026-Q1, 2026-01, 2026-W05 hoặc 2026-01-15..2026-02-14', en: 'Use a period like 2026, 2026-Q1, 2026-01, 2026-W05 or 2026-01-15..2026-02-14' },
      ),
    );
  }
  if (targets.length === invalid.length) {
    out.push(
      finding(
        'T', 'SMART_T_TARGET_PERIOD_MISSING', 'error',
        { vi: 'Chưa có chỉ tiêu nào gắn với một kỳ có ngày kết thúc', en: 'No target is tied to a period with an end date' },
        { vi: 'Gắn chỉ tiêu với kỳ cụ thể, ví dụ quý 2026-Q1 (kết thúc 31/03/2026)', en: 'Tie the target to a period, e.g. quarter 2026-Q1 (ends 31/03/2026)' },
      ),
    );
  }
  if (kpi.reportWithinDays === null || kpi.reportWithinDays === undefined) {
    out.push(
      finding(
        'T', 'SMART_T_DEADLINE_MISSING', 'warning',
        { vi: 'Chưa đặt hạn báo cáo', en: 'No reporting deadline is set' },
        { vi: 'Đặt hạn báo cáo, ví dụ 5 ngày sau khi kết thúc kỳ', en: 'Set a reporting deadline, e.g. 5 days after the period ends' },
      ),
    );
  }
  return out;
}
