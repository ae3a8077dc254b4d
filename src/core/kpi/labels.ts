import type { Localized } from '../errors';
import type {
  KnownKpiUnit,
  KpiAggregation,
  KpiDirection,
  KpiFrequency,
  KpiGroup,
  KpiLevel,
  KpiPerspective,
  KpiSource,
  KpiStatus,
} from './types';

// Terms follow the project glossary (vi first).

export const KPI_LEVEL_LABELS: Record<KpiLevel, Localized> = {
  strategic: { vi: 'Chiến lược', en: 'Strategic' },
  tactical: { vi: 'Chiến thuật', en: 'Tactical' },
  operational: { vi: 'Tác nghiệp', en: 'Operational' },
};

export const KPI_PERSPECTIVE_LABELS: Record<KpiPerspective, Localized> = {
  financial: { vi: 'Tài chính', en: 'Financial' },
  customer: { vi: 'Khách hàng', en: 'Customer' },
  process: { vi: 'Quy trình nội bộ', en: 'Internal process' },
  learning: { vi: 'Học hỏi và phát triển', en: 'Learning and growth' },
};

export const KPI_GROUP_LABELS: Record<KpiGroup, Localized> = {
  output: { vi: 'Kết quả đầu ra', en: 'Output' },
  behavior: { vi: 'Hành vi', en: 'Behavior' },
  competency: { vi: 'Năng lực', en: 'Competencies' },
};

export const KPI_UNIT_LABELS: Record<KnownKpiUnit, Localized> = {
  VND: { vi: 'Đồng (₫)', en: 'VND (₫)' },
  '%': { vi: 'Phần trăm (%)', en: 'Percent (%)' },
  count: { vi: 'Số lượng', en: 'Count' },
  ratio: { vi: 'Tỷ số (lần)', en: 'Ratio (times)' },
  score: { vi: 'Điểm', en: 'Score' },
  days: { vi: 'Ngày', en: 'Days' },
  hours: { vi: 'Giờ', en: 'Hours' },
};

export const KPI_DIRECTION_LABELS: Record<KpiDirection, Localized> = {
  increase: { vi: 'Càng cao càng tốt', en: 'Increase' },
  decrease: { vi: 'Càng thấp càng tốt', en: 'Decrease' },
  range: { vi: 'Trong khoảng', en: 'Range' },
};

export const KPI_AGGREGATION_LABELS: Record<KpiAggregation, Localized> = {
  sum: { vi: 'Tổng', en: 'Sum' },
  avg: { vi: 'Trung bình', en: 'Average' },
  last: { vi: 'Giá trị cuối kỳ', en: 'Last value' },
  min: { vi: 'Nhỏ nhất', en: 'Minimum' },
  max: { vi: 'Lớn nhất', en: 'Maximum' },
  ratio: { vi: 'Tỷ lệ (tổng tử số / tổng mẫu số)', en: 'Ratio (sum of numerators / sum of denominators)' },
};

export const KPI_FREQUENCY_LABELS: Record<KpiFrequency, Localized> = {
  weekly: { vi: 'Hằng tuần', en: 'Weekly' },
  monthly: { vi: 'Hằng tháng', en: 'Monthly' },
  quarterly: { vi: 'Hằng quý', en: 'Quarterly' },
  yearly: { vi: 'Hằng năm', en: 'Yearly' },
};

export const KPI_SOURCE_LABELS: Record<KpiSource, Localized> = {
  manual: { vi: 'Nhập tay', en: 'Manual entry' },
  import: { vi: 'Nhập từ tệp', en: 'Import' },
  formula: { vi: 'Công thức', en: 'Formula' },
  dataset: { vi: 'Từ tập dữ liệu', en: 'From a dataset' },
};

export const KPI_STATUS_LABELS: Record<KpiStatus, Localized> = {
  draft: { vi: 'Nháp', en: 'Draft' },
  active: { vi: 'Đang áp dụng', en: 'Active' },
  archived: { vi: 'Lưu trữ', en: 'Archived' },
};

/** Label of a unit: the known units are translated, custom text is shown as written. */
export function unitLabel(unit: string): Localized {
  return (KPI_UNIT_LABELS as Record<string, Localized | undefined>)[unit] ?? { vi: unit, en: unit };
}
