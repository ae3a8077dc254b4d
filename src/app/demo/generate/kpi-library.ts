import type { KpiAggregation, KpiDirection, KpiGroup, KpiPerspective, KpiUnit } from '../../../core/kpi';

/**
 * The small KPI library of the generated company: six output KPIs per job family, three behavior and three
 * competency KPIs shared by everyone, so each person has exactly 12 person-scoped KPIs. `base` is a typical
 * monthly target for one person, `step` the rounding of targets (whole millions, whole counts, 0.001 of a
 * fraction). Percentages are fractions, as everywhere in OpenKPI.
 */
export interface LibraryKpi {
  code: string;
  name: string;
  nameEn: string;
  group: KpiGroup;
  perspective: KpiPerspective;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: Extract<KpiAggregation, 'sum' | 'avg'>;
  base: number;
  step: number;
  /** Percent KPIs cannot pass 100 %. */
  max?: number;
}

export const FAMILIES = ['sales', 'ops', 'tech', 'office', 'leader'] as const;
export type Family = (typeof FAMILIES)[number];

const k = (
  code: string,
  name: string,
  nameEn: string,
  group: KpiGroup,
  perspective: KpiPerspective,
  unit: KpiUnit,
  direction: KpiDirection,
  aggregation: 'sum' | 'avg',
  base: number,
  step: number,
  max?: number,
): LibraryKpi => ({ code, name, nameEn, group, perspective, unit, direction, aggregation, base, step, ...(max === undefined ? {} : { max }) });

const PCT = 0.001;

export const OUTPUT_KPIS: Record<Family, LibraryKpi[]> = {
  sales: [
    k('S_REVENUE', 'Doanh thu cá nhân', 'Personal revenue', 'output', 'financial', 'VND', 'increase', 'sum', 450_000_000, 1_000_000),
    k('S_ORDERS', 'Số đơn hàng thành công', 'Completed orders', 'output', 'customer', 'count', 'increase', 'sum', 120, 1),
    k('S_NEW_CUSTOMERS', 'Khách hàng mới', 'New customers', 'output', 'customer', 'count', 'increase', 'sum', 25, 1),
    k('S_CLOSE_RATE', 'Tỷ lệ chốt đơn', 'Close rate', 'output', 'customer', '%', 'increase', 'avg', 0.32, PCT, 1),
    k('S_COLLECTED', 'Công nợ thu hồi', 'Receivables collected', 'output', 'financial', 'VND', 'increase', 'sum', 300_000_000, 1_000_000),
    k('S_RETURNS', 'Tỷ lệ đơn hoàn trả', 'Return rate', 'output', 'customer', '%', 'decrease', 'avg', 0.04, PCT, 1),
  ],
  ops: [
    k('O_ORDERS_HANDLED', 'Số đơn xử lý', 'Orders handled', 'output', 'process', 'count', 'increase', 'sum', 900, 1),
    k('O_ON_TIME', 'Tỷ lệ giao đúng hạn', 'On-time delivery', 'output', 'customer', '%', 'increase', 'avg', 0.95, PCT, 1),
    k('O_HANDLING_HOURS', 'Thời gian xử lý đơn trung bình', 'Average handling time', 'output', 'process', 'hours', 'decrease', 'avg', 6, 0.1),
    k('O_ERROR_RATE', 'Tỷ lệ sai sót', 'Error rate', 'output', 'process', '%', 'decrease', 'avg', 0.02, PCT, 1),
    k('O_COST_PER_ORDER', 'Chi phí vận hành mỗi đơn', 'Operating cost per order', 'output', 'financial', 'VND', 'decrease', 'avg', 18_000, 100),
    k('O_STOCK_ACCURACY', 'Độ chính xác tồn kho', 'Stock accuracy', 'output', 'process', '%', 'increase', 'avg', 0.98, PCT, 1),
  ],
  tech: [
    k('T_FEATURES', 'Tính năng hoàn thành', 'Features delivered', 'output', 'process', 'count', 'increase', 'sum', 6, 1),
    k('T_STORY_POINTS', 'Điểm công việc hoàn thành', 'Story points done', 'output', 'process', 'score', 'increase', 'sum', 40, 1),
    k('T_CRITICAL_BUGS', 'Lỗi nghiêm trọng', 'Critical bugs', 'output', 'customer', 'count', 'decrease', 'sum', 3, 1),
    k('T_RESPONSE_HOURS', 'Thời gian phản hồi sự cố', 'Incident response time', 'output', 'customer', 'hours', 'decrease', 'avg', 4, 0.1),
    k('T_UPTIME', 'Thời gian hoạt động hệ thống', 'System uptime', 'output', 'customer', '%', 'increase', 'avg', 0.995, PCT, 1),
    k('T_TEST_COVERAGE', 'Độ bao phủ kiểm thử', 'Test coverage', 'output', 'process', '%', 'increase', 'avg', 0.75, PCT, 1),
  ],
  office: [
    k('F_CASES', 'Hồ sơ xử lý', 'Cases processed', 'output', 'process', 'count', 'increase', 'sum', 80, 1),
    k('F_ON_TIME', 'Tỷ lệ hồ sơ đúng hạn', 'Cases on time', 'output', 'process', '%', 'increase', 'avg', 0.92, PCT, 1),
    k('F_REPORTS_ON_TIME', 'Báo cáo nộp đúng hạn', 'Reports on time', 'output', 'process', '%', 'increase', 'avg', 0.95, PCT, 1),
    k('F_SAVINGS', 'Chi phí tiết kiệm được', 'Cost savings', 'output', 'financial', 'VND', 'increase', 'sum', 20_000_000, 1_000_000),
    k('F_HIRES', 'Tuyển dụng đạt yêu cầu', 'Successful hires', 'output', 'learning', 'count', 'increase', 'sum', 3, 1),
    k('F_SATISFACTION', 'Điểm hài lòng nội bộ', 'Internal satisfaction', 'output', 'customer', 'score', 'increase', 'avg', 80, 0.1),
  ],
  leader: [
    k('L_UNIT_REVENUE', 'Doanh thu đơn vị phụ trách', 'Unit revenue', 'output', 'financial', 'VND', 'increase', 'sum', 2_000_000_000, 1_000_000),
    k('L_BUDGET_USE', 'Tỷ lệ sử dụng ngân sách', 'Budget used', 'output', 'financial', '%', 'decrease', 'avg', 0.9, PCT, 1),
    k('L_RETENTION', 'Tỷ lệ giữ chân nhân sự', 'Staff retention', 'output', 'learning', '%', 'increase', 'avg', 0.93, PCT, 1),
    k('L_TEAM_KPI', 'Tỷ lệ KPI của đơn vị đạt', 'Unit KPIs met', 'output', 'process', '%', 'increase', 'avg', 0.8, PCT, 1),
    k('L_ENGAGEMENT', 'Điểm gắn kết nhân viên', 'Employee engagement', 'output', 'learning', 'score', 'increase', 'avg', 75, 0.1),
    k('L_INITIATIVES', 'Dự án cải tiến hoàn thành', 'Improvement projects done', 'output', 'process', 'count', 'increase', 'sum', 2, 1),
  ],
};

export const SHARED_KPIS: LibraryKpi[] = [
  k('B_PUNCTUALITY', 'Tỷ lệ đi làm đúng giờ', 'Punctuality', 'behavior', 'learning', '%', 'increase', 'avg', 0.97, PCT, 1),
  k('B_COMPLIANCE', 'Tuân thủ quy trình', 'Process compliance', 'behavior', 'process', '%', 'increase', 'avg', 0.95, PCT, 1),
  k('B_TEAMWORK', 'Điểm tinh thần hợp tác', 'Teamwork score', 'behavior', 'learning', 'score', 'increase', 'avg', 80, 0.1),
  k('C_TRAINING_HOURS', 'Giờ đào tạo', 'Training hours', 'competency', 'learning', 'hours', 'increase', 'sum', 8, 0.5),
  k('C_SKILL_SCORE', 'Điểm đánh giá kỹ năng', 'Skill assessment', 'competency', 'learning', 'score', 'increase', 'avg', 75, 0.1),
  k('C_IDEAS', 'Sáng kiến cải tiến', 'Improvement ideas', 'competency', 'learning', 'count', 'increase', 'sum', 1, 1),
];

/** Weights (%) of the groups and of the items inside each group: each list totals 100. */
export const GROUP_WEIGHTS: Record<KpiGroup, number> = { output: 60, behavior: 20, competency: 20 };
export const OUTPUT_ITEM_WEIGHTS = [25, 20, 20, 15, 10, 10];
export const SHARED_ITEM_WEIGHTS = [40, 30, 30];

/** The 12 KPIs of a person of this family, output first (the order of the sheet). */
export function kpisOfFamily(family: Family): LibraryKpi[] {
  return [...OUTPUT_KPIS[family], ...SHARED_KPIS];
}

export const LIBRARY: LibraryKpi[] = [...FAMILIES.flatMap((f) => OUTPUT_KPIS[f]), ...SHARED_KPIS];
