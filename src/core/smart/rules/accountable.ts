import type { KpiDefinition } from '../../kpi';
import { finding, isBlank } from '../finding';
import type { Finding, SmartContext } from '../types';

type Role = 'owner' | 'measurer';

const ROLE: Record<Role, { vi: string; en: string }> = {
  owner: { vi: 'Người chịu trách nhiệm', en: 'Owner' },
  measurer: { vi: 'Người đo lường', en: 'Measurer' },
};

const norm = (ref: string): string => ref.trim().toLowerCase();

/** Problems with one person reference against the directory (when one is given). */
function checkPerson(role: Role, ref: string, context: SmartContext): Finding[] {
  if (!context.people) return [];
  const person = context.people.find((p) => norm(p.ref) === norm(ref));
  const label = ROLE[role];
  const upper = role.toUpperCase();
  if (!person) {
    return [
      finding(
        'A', `SMART_A_${upper}_UNKNOWN`, 'error',
        { vi: `${label.vi} "${ref}" không có trong danh sách nhân sự`, en: `${label.en} "${ref}" is not in the people directory` },
        { vi: 'Chọn một người trong danh sách nhân sự hoặc thêm người đó trước', en: 'Pick someone from the people directory, or add them first' },
      ),
    ];
  }
  if (!person.active) {
    return [
      finding(
        'A', `SMART_A_${upper}_INACTIVE`, 'error',
        { vi: `${label.vi} "${ref}" không còn hoạt động`, en: `${label.en} "${ref}" is no longer active` },
        { vi: 'Giao KPI cho một người đang làm việc', en: 'Assign the KPI to someone who is still active' },
      ),
    ];
  }
  return [];
}

export function checkAccountable(kpi: KpiDefinition, context: SmartContext): Finding[] {
  const out: Finding[] = [];
  if (isBlank(kpi.owner)) {
    out.push(
      finding(
        'A', 'SMART_A_OWNER_MISSING', 'error',
        { vi: 'KPI chưa có người chịu trách nhiệm', en: 'The KPI has no owner' },
        { vi: 'Giao cho một người cụ thể chịu trách nhiệm kết quả (không giao cho cả phòng)', en: 'Make one named person accountable for the result (not a whole team)' },
      ),
    );
  } else {
    out.push(...checkPerson('owner', kpi.owner as string, context));
  }
  if (isBlank(kpi.measurer)) {
    out.push(
      finding(
        'A', 'SMART_A_MEASURER_MISSING', 'warning',
        { vi: 'Chưa có người đo lường (báo cáo số liệu)', en: 'No measurer reports the numbers' },
        {
          vi: 'Chọn người báo cáo số liệu, tốt nhất là người độc lập với người chịu trách nhiệm (ví dụ kế toán)',
          en: 'Choose who reports the numbers, ideally someone independent of the owner (e.g. accounting)',
        },
      ),
    );
  } else {
    out.push(...checkPerson('measurer', kpi.measurer as string, context));
  }
  return out;
}
