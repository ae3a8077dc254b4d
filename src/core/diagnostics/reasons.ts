/** Why a KPI was missed: the structured reasons (codes of migration 0012) with their vi/en labels. */
export const MISS_REASONS = [
  'unclear_goal',
  'poor_communication',
  'no_agreement',
  'unrealistic_target',
  'not_measured_on_time',
  'unfocused_process',
  'missing_skills',
  'external',
  'other',
] as const;
export type MissReason = (typeof MISS_REASONS)[number];

export const MISS_REASON_LABELS: Record<MissReason, { vi: string; en: string }> = {
  unclear_goal: { vi: 'Mục tiêu không rõ ràng / chưa SMART', en: 'Goal unclear / not SMART' },
  poor_communication: { vi: 'Truyền đạt chưa tốt', en: 'Poorly communicated' },
  no_agreement: { vi: 'Chưa thống nhất chỉ tiêu với người thực hiện', en: 'No target agreement with the people who carry it' },
  unrealistic_target: { vi: 'Chỉ tiêu không thực tế', en: 'Unrealistic target' },
  not_measured_on_time: { vi: 'Không đo lường, đánh giá, báo cáo đúng hạn', en: 'Not measured, evaluated or reported on time' },
  unfocused_process: { vi: 'Quy trình phức tạp, thiếu tập trung', en: 'Process too complex or unfocused' },
  missing_skills: { vi: 'Thiếu kỹ năng hoặc nhân lực', en: 'Missing skills or staffing' },
  external: { vi: 'Yếu tố bên ngoài', en: 'External factor' },
  other: { vi: 'Khác', en: 'Other' },
};

export const ACTION_PLAN_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];

export const ACTION_PLAN_STATUS_LABELS: Record<ActionPlanStatus, { vi: string; en: string }> = {
  open: { vi: 'Mới', en: 'Open' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Open plans are the ones still to be done. */
export const isOpenPlan = (status: ActionPlanStatus) => status === 'open' || status === 'in_progress';
