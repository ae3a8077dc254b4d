import { ApartmentOutlined, AuditOutlined, CalculatorOutlined, ClusterOutlined, DashboardOutlined, FundOutlined, HomeOutlined, KeyOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Action } from '../../core/auth/permissions';
import type { UserT } from '../api';
import { userCanAtAll } from '../session/permissions';

/** One entry of the side navigation; add KPI pages here. `action` absent = everyone; else the permission table decides. */
export interface NavItem {
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
  action?: Action;
  page: ComponentType;
}

export const NAV: readonly NavItem[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, page: lazy(() => import('../features/home/HomePage')) },
  { key: 'org', path: '/org', labelKey: 'nav.org', icon: <ApartmentOutlined />, page: lazy(() => import('../features/org/OrgChartPage')) },
  { key: 'kpis', path: '/kpis', labelKey: 'kpi.nav', icon: <FundOutlined />, page: lazy(() => import('../features/kpi/KpiLibraryPage')) },
  { key: 'sandbox', path: '/sandbox', labelKey: 'sandbox.nav', icon: <CalculatorOutlined />, page: lazy(() => import('../features/sandbox/SandboxPage')) },
  { key: 'strategy', path: '/strategy', labelKey: 'strategy.nav', icon: <ClusterOutlined />, page: lazy(() => import('../features/strategy/StrategyMapPage')) },
  { key: 'dashboard', path: '/dashboard', labelKey: 'dashboard.nav', icon: <DashboardOutlined />, page: lazy(() => import('../features/dashboard/UnitDashboardPage')) },
  {
    key: 'import-actuals',
    path: '/import',
    labelKey: 'importActuals.nav',
    icon: <UploadOutlined />,
    action: 'actual.import',
    page: lazy(() => import('../features/import/ImportActualsPage')),
  },
  {
    key: 'company',
    path: '/settings/company',
    labelKey: 'nav.company',
    icon: <SettingOutlined />,
    action: 'company.manage',
    page: lazy(() => import('../features/company/CompanySettingsPage')),
  },
  {
    key: 'api-tokens',
    path: '/settings/api-tokens',
    labelKey: 'tokens.nav',
    icon: <KeyOutlined />,
    action: 'api-token.manage',
    page: lazy(() => import('../features/tokens/ApiTokensPage')),
  },
  {
    key: 'audit',
    path: '/audit',
    labelKey: 'nav.audit',
    icon: <AuditOutlined />,
    action: 'audit.read',
    page: lazy(() => import('../features/audit/AuditLogPage')),
  },
];

export function canSee(action: Action | undefined, user: UserT): boolean {
  return action === undefined || userCanAtAll(user, action);
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
