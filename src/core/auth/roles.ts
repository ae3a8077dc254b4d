/** `agency`: a login of an outside agency, who sees and reports only the marketing campaigns assigned to it. */
export const ROLES = ['admin', 'manager', 'employee', 'viewer', 'agency'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị viên', en: 'Administrator' },
  manager: { vi: 'Quản lý', en: 'Manager' },
  employee: { vi: 'Nhân viên', en: 'Employee' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
  agency: { vi: 'Đại lý', en: 'Agency' },
};

export const LANGS = ['vi', 'en'] as const;
