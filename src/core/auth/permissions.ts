import type { Role } from './roles';

/**
 * The one permission table: for each action and role, the reaches that allow it. Every use-case asks
 * `can(subject, action, target)` (through app/policy.ts); docs/permissions.md is generated from this table.
 *
 * Reaches:
 * - `all`: anything in the company.
 * - `company`: the company scope (numbers shared by everyone: company targets, actuals and scores).
 * - `subtree`: a unit in the actor's unit subtree, or a person whose unit is in it.
 * - `own-unit`: the actor's own unit (team goals are shared with the team).
 * - `self`: the actor's own person scope.
 * - `kpi-subtree`: the company scope of a KPI whose owner sits in the actor's unit subtree.
 * - `responsible`: the company scope of a KPI the actor owns or measures.
 * - `assigned`: a marketing campaign the actor's login is assigned to (agencies).
 */
export type Reach = 'all' | 'company' | 'subtree' | 'own-unit' | 'self' | 'kpi-subtree' | 'responsible' | 'assigned';

export const ACTIONS = [
  'kpi.read',
  'kpi.edit',
  'numbers.read',
  'target.set',
  'actual.write',
  'actual.import',
  'unit.read',
  'unit.manage',
  'position.read',
  'position.manage',
  'person.read',
  'person.manage',
  'person.import',
  'user.manage',
  'company.read',
  'company.manage',
  'audit.read',
  'api-token.manage',
  'kpi-as-code.apply',
  'appraisal.setup',
  'appraisal.lock',
  'appraisal.read',
  'appraisal.manage',
  'appraisal.agree',
  'appraisal.review',
  'appraisal.calibrate',
  'appraisal.pay',
  'dataset.read',
  'dataset.manage',
  'marketing.read',
  'marketing.manage',
  'campaign.report',
  'miss.explain',
  'notification.own',
  'webhook.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface PermissionRow {
  roles: Record<Role, readonly Reach[]>;
  /** What the action covers and what its target is, for the generated guide. */
  about: { vi: string; en: string };
}

const NONE: readonly Reach[] = [];
const ALL: readonly Reach[] = ['all'];
const adminOnly = { admin: ALL, manager: NONE, employee: NONE, viewer: NONE, agency: NONE };
/** Everyone on the company's staff; an agency (an outside firm) sees only the campaigns assigned to it. */
const everyone = { admin: ALL, manager: ALL, employee: ALL, viewer: ALL, agency: NONE };

export const PERMISSIONS: Record<Action, PermissionRow> = {
  'kpi.read': {
    roles: everyone,
    about: { vi: 'Xem thư viện KPI (định nghĩa, công thức, kiểm tra SMART).', en: 'Read the KPI library (definitions, formulas, SMART check).' },
  },
  'kpi.edit': {
    roles: { admin: ALL, manager: ['subtree'], employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Tạo, sửa, lưu trữ KPI. Đích: phòng ban của người chịu trách nhiệm (trước và sau khi sửa); KPI chưa có người chịu trách nhiệm thuộc cấp công ty.',
      en: "Create, edit, archive a KPI. Target: the owner's unit (before and after the change); a KPI without an owner belongs to the company.",
    },
  },
  'numbers.read': {
    roles: { admin: ALL, manager: ['company', 'subtree'], employee: ['company', 'own-unit', 'self'], viewer: ['company', 'subtree'], agency: NONE },
    about: {
      vi: 'Xem chỉ tiêu, số liệu thực hiện, minh chứng, điểm và bảng điều khiển của một phạm vi (công ty, phòng ban, nhân sự).',
      en: 'Read targets, actuals, evidence, scores and dashboards of a scope (company, unit, person).',
    },
  },
  'target.set': {
    roles: { admin: ALL, manager: ['subtree', 'kpi-subtree'], employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Đặt chỉ tiêu của một phạm vi; phân bổ chỉ tiêu cần quyền này ở cả phạm vi nguồn và mọi phạm vi nhận.',
      en: 'Set the targets of a scope; a cascade needs it on the source scope and on every receiving scope.',
    },
  },
  'actual.write': {
    roles: { admin: ALL, manager: ['subtree', 'kpi-subtree', 'responsible'], employee: ['self', 'responsible'], viewer: NONE, agency: NONE },
    about: {
      vi: 'Cập nhật kết quả, tải minh chứng, gửi số liệu qua API hoặc từng dòng của tệp nhập cho một phạm vi.',
      en: 'Check in, upload evidence, push through the API, or import a file row, for a scope.',
    },
  },
  'actual.import': {
    roles: { admin: ALL, manager: ALL, employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Tải tệp số liệu thực hiện lên (mỗi dòng còn cần quyền cập nhật kết quả cho phạm vi của nó).',
      en: 'Upload a file of actuals (each row also needs actual.write on its scope).',
    },
  },
  'unit.read': {
    roles: everyone,
    about: { vi: 'Xem sơ đồ tổ chức (tên và cây phòng ban).', en: 'Read the org chart (unit names and tree).' },
  },
  'unit.manage': {
    roles: { admin: ALL, manager: ['subtree'], employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Tạo, đổi tên, di chuyển, lưu trữ phòng ban. Đích: chính phòng ban và phòng ban cha mới; phòng ban cấp cao nhất thuộc cấp công ty.',
      en: 'Create, rename, move, archive a unit. Target: the unit and its new parent; a top-level unit belongs to the company.',
    },
  },
  'position.read': { roles: everyone, about: { vi: 'Xem danh mục chức danh.', en: 'Read the list of positions.' } },
  'position.manage': { roles: adminOnly, about: { vi: 'Tạo chức danh.', en: 'Create positions.' } },
  'person.read': {
    roles: { admin: ALL, manager: ['subtree'], employee: ['self'], viewer: ['subtree'], agency: NONE },
    about: { vi: 'Xem hồ sơ nhân sự.', en: "Read a person's record." },
  },
  'person.manage': {
    roles: { admin: ALL, manager: ['subtree'], employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Thêm, sửa, chuyển phòng ban, nghỉ việc. Đích: phòng ban cũ và mới của người đó, và người quản lý được chọn.',
      en: "Add, edit, move, deactivate a person. Target: the person's old and new unit, and the manager chosen.",
    },
  },
  'person.import': {
    roles: { admin: ALL, manager: ALL, employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Tải tệp nhân sự lên (mỗi dòng còn cần quyền quản lý nhân sự ở phòng ban của nó).',
      en: 'Upload a file of people (each row also needs person.manage on its unit).',
    },
  },
  'user.manage': {
    roles: adminOnly,
    about: {
      vi: 'Tạo tài khoản đăng nhập, đổi vai trò, khóa/mở khóa, gắn với nhân sự, cấp liên kết đặt lại mật khẩu.',
      en: 'Create logins, change roles, lock/unlock, link to a person, issue password reset links.',
    },
  },
  'company.read': { roles: { ...everyone, agency: ALL }, about: { vi: 'Xem thông tin công ty.', en: 'Read the company settings.' } },
  'company.manage': { roles: adminOnly, about: { vi: 'Sửa thông tin công ty.', en: 'Change the company settings.' } },
  'audit.read': { roles: adminOnly, about: { vi: 'Xem nhật ký thay đổi.', en: 'Read the audit log.' } },
  'api-token.manage': { roles: adminOnly, about: { vi: 'Tạo, xem, thu hồi mã API.', en: 'Create, list and revoke API tokens.' } },
  'kpi-as-code.apply': {
    roles: adminOnly,
    about: { vi: 'Áp dụng tệp KPI-as-code (YAML) vào hệ thống.', en: 'Apply a KPI-as-code (YAML) file.' },
  },
  'appraisal.setup': {
    roles: adminOnly,
    about: {
      vi: 'Mẫu phiếu đánh giá, quy tắc thưởng, tạo và chuyển giai đoạn kỳ đánh giá, mức thưởng cơ sở của từng người.',
      en: "Evaluation sheet templates, bonus rules, creating cycles and moving their phases, each person's bonus base.",
    },
  },
  'appraisal.lock': {
    roles: adminOnly,
    about: { vi: 'Khóa, công bố và mở lại (có lý do) một kỳ đánh giá.', en: 'Lock, publish and reopen (with a reason) a cycle.' },
  },
  'appraisal.read': {
    roles: { admin: ALL, manager: ['subtree'], employee: ['self'], viewer: ['subtree'], agency: NONE },
    about: {
      vi: 'Xem phiếu đánh giá, kết quả, tỷ lệ đồng thuận. Đích: người được đánh giá.',
      en: 'Read evaluation sheets, results and consensus rates. Target: the person evaluated.',
    },
  },
  'appraisal.manage': {
    roles: { admin: ALL, manager: ['subtree'], employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Giao phiếu, điều chỉnh riêng cho từng người, đề xuất/sửa/chốt chỉ tiêu. Đích: người được đánh giá.',
      en: 'Assign sheets, per-person overrides, propose/revise/finalize targets. Target: the person evaluated.',
    },
  },
  'appraisal.agree': {
    roles: { admin: ['self'], manager: ['self'], employee: ['self'], viewer: NONE, agency: NONE },
    about: {
      vi: 'Đồng ý hoặc đề xuất lại chỉ tiêu, tự đánh giá: chỉ trên phiếu của chính mình.',
      en: 'Accept or counter-propose targets, self-assess: on one’s own sheet only.',
    },
  },
  'appraisal.review': {
    roles: { admin: ALL, manager: ['subtree'], employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Đánh giá của quản lý và phê duyệt cấp hai; không ai tự duyệt phiếu của mình. Đích: người được đánh giá.',
      en: 'Manager review and second-level approval; nobody approves their own sheet. Target: the person evaluated.',
    },
  },
  'appraisal.calibrate': {
    roles: { admin: ALL, manager: ['subtree'], employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Hiệu chỉnh xếp loại (có lý do, lưu trước/sau); không ai hiệu chỉnh phiếu của mình. Đích: người được đánh giá.',
      en: 'Calibrate grades (with a reason, before/after kept); nobody calibrates their own sheet. Target: the person evaluated.',
    },
  },
  'appraisal.pay': {
    roles: { admin: ALL, manager: ['subtree'], employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Xem thưởng KPI, mô phỏng quỹ thưởng, xuất bảng lương. Đích: người được đánh giá.',
      en: 'Read KPI bonuses, run the pay simulator, export for payroll. Target: the person evaluated.',
    },
  },
  'dataset.read': {
    roles: { admin: ALL, manager: ALL, employee: NONE, viewer: ALL, agency: NONE },
    about: { vi: 'Xem danh sách tập dữ liệu, cột và các dòng dữ liệu.', en: 'Read the datasets: their columns and rows.' },
  },
  'dataset.manage': {
    roles: adminOnly,
    about: { vi: 'Nhập tệp vào tập dữ liệu (tạo, thêm, thay thế).', en: 'Import files into datasets (create, append, replace).' },
  },
  'marketing.read': {
    roles: { admin: ALL, manager: ALL, employee: ALL, viewer: ALL, agency: ['assigned'] },
    about: {
      vi: 'Xem kênh, chiến dịch, kết quả và khảo sát nhận biết. Đích: chiến dịch (so sánh kênh và danh sách kênh: cả công ty).',
      en: 'Read channels, campaigns, their results and awareness surveys. Target: the campaign (channel comparison and channel list: the company).',
    },
  },
  'marketing.manage': {
    roles: { admin: ALL, manager: ALL, employee: NONE, viewer: NONE, agency: NONE },
    about: {
      vi: 'Tạo, sửa kênh và chiến dịch, đặt chỉ tiêu theo kênh, chuyển trạng thái, giao chiến dịch cho đại lý.',
      en: 'Create and edit channels and campaigns, set per-channel targets, change the status, assign a campaign to agency logins.',
    },
  },
  'campaign.report': {
    roles: { admin: ALL, manager: ALL, employee: NONE, viewer: NONE, agency: ['assigned'] },
    about: {
      vi: 'Nhập kết quả theo kỳ (số gửi, phản hồi, chi phí, khách hàng mới, doanh thu) và khảo sát nhận biết của một chiến dịch. Đích: chiến dịch.',
      en: 'Report per-period results (sends, responses, cost, acquisitions, revenue) and awareness surveys of a campaign. Target: the campaign.',
    },
  },
  'miss.explain': {
    roles: { admin: ALL, manager: ['subtree', 'kpi-subtree', 'responsible'], employee: ['self', 'responsible'], viewer: NONE, agency: NONE },
    about: {
      vi: 'Ghi lý do KPI không đạt và kế hoạch hành động (sự việc → nguyên nhân → hành động) cho một phạm vi; ai cập nhật được kết quả của phạm vi thì giải trình được.',
      en: 'Record why a KPI was missed and the action plan (fact → cause → action) for a scope; whoever may check in for the scope may explain it.',
    },
  },
  'notification.own': {
    roles: { admin: ALL, manager: ALL, employee: ALL, viewer: ALL, agency: ALL },
    about: {
      vi: 'Xem và đánh dấu đã đọc thông báo của chính mình, chọn cách nhận e-mail, đăng ký báo cáo định kỳ (báo cáo vẫn cần quyền xem phạm vi của nó).',
      en: "Read and mark one's own notifications, choose how e-mails arrive, subscribe to reports (a report still needs the right to read its scope).",
    },
  },
  'webhook.manage': {
    roles: adminOnly,
    about: { vi: 'Tạo, sửa, xóa webhook và xem nhật ký gửi.', en: 'Create, edit, delete webhooks and read their delivery log.' },
  },
};

/** Who is asking: their role, their person (if any), and the unit subtree they manage or view. */
export interface Subject {
  role: Role;
  /** The login, for campaigns assigned to it (`assigned`); absent = none. */
  userId?: number | null | undefined;
  personId: number | null;
  unitId: number | null;
  /** 'all' for admins; the unit subtree for managers and viewers; empty otherwise. */
  subtree: 'all' | ReadonlySet<number>;
}

/** What an action is about. A KPI's company scope carries the KPI, for the `kpi-subtree` and `responsible` reaches. */
export type Target =
  | { scope: 'company'; kpi?: KpiResponsibility | undefined }
  | { scope: 'unit'; unitId: number }
  | { scope: 'person'; personId: number; unitId: number }
  | { scope: 'campaign'; campaignId: number; assignedUserIds: readonly number[] };

export interface KpiResponsibility {
  ownerId: number | null;
  measurerId: number | null;
  /** The owner's unit; null when the KPI has no owner. */
  ownerUnitId: number | null;
}

const inSubtree = (s: Subject, unitId: number | null) => unitId !== null && (s.subtree === 'all' || s.subtree.has(unitId));

function reaches(s: Subject, reach: Reach, t: Target): boolean {
  switch (reach) {
    case 'all':
      return true;
    case 'company':
      return t.scope === 'company';
    case 'subtree':
      return (t.scope === 'unit' || t.scope === 'person') && (inSubtree(s, t.unitId) || (t.scope === 'person' && t.personId === s.personId));
    case 'own-unit':
      return t.scope === 'unit' && t.unitId === s.unitId;
    case 'self':
      return t.scope === 'person' && s.personId !== null && t.personId === s.personId;
    case 'kpi-subtree':
      return t.scope === 'company' && t.kpi !== undefined && inSubtree(s, t.kpi.ownerUnitId);
    case 'responsible':
      return t.scope === 'company' && t.kpi !== undefined && s.personId !== null && (t.kpi.ownerId === s.personId || t.kpi.measurerId === s.personId);
    case 'assigned':
      return t.scope === 'campaign' && s.userId != null && t.assignedUserIds.includes(s.userId);
  }
}

/** May this subject do this action on this target? Actions without a target (lists, uploads) ask with `{ scope: 'company' }` and any reach. */
export function can(s: Subject, action: Action, t: Target): boolean {
  return PERMISSIONS[action].roles[s.role].some((r) => reaches(s, r, t));
}

/** May this subject do this action on anything at all (e.g. show the menu, accept an upload)? */
export function canAtAll(s: Subject, action: Action): boolean {
  return PERMISSIONS[action].roles[s.role].length > 0;
}
