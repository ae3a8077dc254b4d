import type { Lang } from '../errors';
import type { RagStatus } from '../scoring';

type Text = Record<Lang, string>;

/** The words of the report files, in both languages (one term per concept, see GLOSSARY.md). */
export const REPORT_TEXT = {
  scorecardTitle: { vi: 'Báo cáo thẻ điểm KPI', en: 'KPI scorecard report' },
  sheetTitle: { vi: 'Phiếu đánh giá KPI', en: 'KPI evaluation sheet' },
  company: { vi: 'Công ty', en: 'Company' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  period: { vi: 'Kỳ', en: 'Period' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  generatedOn: { vi: 'Ngày lập', en: 'Generated on' },
  inProgress: { vi: 'Kỳ đang diễn ra', en: 'Period in progress' },
  overallScore: { vi: 'Điểm tổng', en: 'Overall score' },
  code: { vi: 'Mã KPI', en: 'KPI code' },
  name: { vi: 'Tên KPI', en: 'KPI name' },
  unit: { vi: 'Đơn vị tính', en: 'Unit' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  actual: { vi: 'Thực hiện', en: 'Actual' },
  achievement: { vi: 'Tỷ lệ hoàn thành', en: 'Achievement' },
  score: { vi: 'Điểm', en: 'Score' },
  status: { vi: 'Trạng thái', en: 'Status' },
  chart: { vi: 'Tỷ lệ hoàn thành theo KPI', en: 'Achievement per KPI' },
  noKpis: { vi: 'Không có KPI nào.', en: 'No KPIs.' },
  page: { vi: 'Trang', en: 'Page' },
  of: { vi: '/', en: ' of ' },
  // evaluation sheet
  person: { vi: 'Người được đánh giá', en: 'Employee' },
  email: { vi: 'Email', en: 'E-mail' },
  orgUnit: { vi: 'Đơn vị', en: 'Unit' },
  position: { vi: 'Chức danh', en: 'Position' },
  cycle: { vi: 'Kỳ đánh giá', en: 'Review cycle' },
  reviewer: { vi: 'Người đánh giá', en: 'Reviewer' },
  group: { vi: 'Nhóm', en: 'Group' },
  itemCode: { vi: 'Mã', en: 'Code' },
  item: { vi: 'Tiêu chí', en: 'Item' },
  weight: { vi: 'Trọng số', en: 'Weight' },
  weighted: { vi: 'Kết quả quy đổi', en: 'Weighted result' },
  selfRating: { vi: 'Tự đánh giá', en: 'Self rating' },
  selfComment: { vi: 'Nhận xét của nhân viên', en: "Employee's comment" },
  managerRating: { vi: 'Quản lý đánh giá', en: 'Manager rating' },
  managerComment: { vi: 'Nhận xét của quản lý', en: "Manager's comment" },
  groupScore: { vi: 'Điểm nhóm', en: 'Group score' },
  finalScore: { vi: 'Điểm cuối', en: 'Final score' },
  grade: { vi: 'Xếp loại', en: 'Grade' },
  hidden: { vi: 'Chưa công bố', en: 'Not published yet' },
  reviews: { vi: 'Nhận xét', en: 'Reviews' },
  signEmployee: { vi: 'Người được đánh giá', en: 'Employee' },
  signManager: { vi: 'Quản lý trực tiếp', en: 'Line manager' },
  signApprover: { vi: 'Phê duyệt', en: 'Approved by' },
  signHint: { vi: '(Ký, ghi rõ họ tên)', en: '(Signature and full name)' },
  dateLine: { vi: 'Ngày ..... tháng ..... năm ..........', en: 'Date ..... / ..... / ..........' },
} satisfies Record<string, Text>;

export const STATUS_TEXT: Record<RagStatus, Text> = {
  green: { vi: 'Đạt', en: 'On target' },
  amber: { vi: 'Cần chú ý', en: 'At risk' },
  red: { vi: 'Không đạt', en: 'Off target' },
  none: { vi: 'Chưa có dữ liệu', en: 'No data' },
};

/** Fill colours of the status cells and bars (the web app's RAG colours). */
export const STATUS_COLOR: Record<RagStatus, string> = { green: '#52c41a', amber: '#faad14', red: '#f5222d', none: '#bfbfbf' };

export const t = (key: keyof typeof REPORT_TEXT, lang: Lang): string => REPORT_TEXT[key][lang];
