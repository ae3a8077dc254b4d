import { ApartmentOutlined, AuditOutlined, HomeOutlined, SettingOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Role } from '../../core/auth/roles';

/** One entry of the side navigation; add KPI pages here. `roles` absent = everyone. */
export interface NavItem {
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
  roles?: readonly Role[];
  page: ComponentType;
}

export const NAV: readonly NavItem[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, page: lazy(() => import('../features/home/HomePage')) },
  { key: 'org', path: '/org', labelKey: 'nav.org', icon: <ApartmentOutlined />, page: lazy(() => import('../features/org/OrgChartPage')) },
  {
    key: 'company',
    path: '/settings/company',
    labelKey: 'nav.company',
    icon: <SettingOutlined />,
    roles: ['admin'],
    page: lazy(() => import('../features/company/CompanySettingsPage')),
  },
  {
    key: 'audit',
    path: '/audit',
    labelKey: 'nav.audit',
    icon: <AuditOutlined />,
    roles: ['admin'],
    page: lazy(() => import('../features/audit/AuditLogPage')),
  },
];

export function canSee(roles: readonly string[] | undefined, role: string): boolean {
  return roles === undefined || roles.includes(role);
}

/** The nav item whose path is the longest prefix of `pathname`. */
export function activeNavKey(pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of NAV) {
    const hit = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(item.path + '/');
    if (hit && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
