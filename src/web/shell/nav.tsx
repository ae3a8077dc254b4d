import { ApartmentOutlined, CalendarOutlined, FileTextOutlined, MailOutlined, PieChartOutlined, ScheduleOutlined, AuditOutlined, DatabaseOutlined, SolutionOutlined, TrophyOutlined, CalculatorOutlined, ClusterOutlined, DashboardOutlined, FundOutlined, HomeOutlined, KeyOutlined, NotificationOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Action } from '../../core/auth/permissions';
import type { UserT } from '../api';
import { userCanAtAll, userReachesBeyondSelf } from '../session/permissions';

/** One entry of the side navigation; add KPI pages here. `action` absent = everyone; else the permission table decides. */
export interface NavItem {
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
  action?: Action;
  /** Shown only when the user's role reaches beyond their own person for `action` (a team, a unit, everyone). */
  beyondSelf?: boolean;
  page: ComponentType;
}

export const NAV: readonly NavItem[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, action: 'kpi.read', page: lazy(() => import('../features/home/HomePage')) },
  { key: 'org', path: '/org', labelKey: 'nav.org', icon: <ApartmentOutlined />, action: 'unit.read', page: lazy(() => import('../features/org/OrgChartPage')) },
  { key: 'kpis', path: '/kpis', labelKey: 'kpi.nav', icon: <FundOutlined />, action: 'kpi.read', page: lazy(() => import('../features/kpi/KpiLibraryPage')) },
  { key: 'sandbox', path: '/sandbox', labelKey: 'sandbox.nav', icon: <CalculatorOutlined />, action: 'kpi.read', page: lazy(() => import('../features/sandbox/SandboxPage')) },
  { key: 'strategy', path: '/strategy', labelKey: 'strategy.nav', icon: <ClusterOutlined />, action: 'numbers.read', page: lazy(() => import('../features/strategy/StrategyMapPage')) },
  { key: 'my-evaluation', path: '/my-evaluation', labelKey: 'myEval.nav', icon: <TrophyOutlined />, action: 'appraisal.agree', page: lazy(() => import('../features/appraisal/my/MyEvaluationPage')) },
  {
    key: 'appraisal',
    path: '/appraisal',
    labelKey: 'appraisal.nav',
    icon: <SolutionOutlined />,
    action: 'appraisal.read',
    beyondSelf: true,
    page: lazy(() => import('../features/appraisal/cycles/CyclesPage')),
  },
  { key: 'dashboard', path: '/dashboard', labelKey: 'dashboard.nav', icon: <DashboardOutlined />, action: 'numbers.read', page: lazy(() => import('../features/dashboard/UnitDashboardPage')) },
  {
    key: 'import-actuals',
    path: '/import',
    labelKey: 'importActuals.nav',
    icon: <UploadOutlined />,
    action: 'actual.import',
    page: lazy(() => import('../features/import/ImportActualsPage')),
  },
  { key: 'diagnostics', path: '/diagnostics', labelKey: 'diagnostics.nav', icon: <PieChartOutlined />, action: 'numbers.read', page: lazy(() => import('../features/diagnostics/DiagnosticsPage')) },
  { key: 'calendar', path: '/calendar', labelKey: 'calendar.nav', icon: <CalendarOutlined />, action: 'numbers.read', page: lazy(() => import('../features/calendar/MeasurementCalendarPage')) },
  { key: 'reports', path: '/reports', labelKey: 'reports.nav', icon: <FileTextOutlined />, action: 'numbers.read', page: lazy(() => import('../features/reports/ReportsPage')) },
  { key: 'marketing', path: '/marketing', labelKey: 'marketing.nav', icon: <NotificationOutlined />, action: 'marketing.read', page: lazy(() => import('../features/marketing/MarketingPage')) },
  { key: 'datasets', path: '/datasets', labelKey: 'datasets.nav', icon: <DatabaseOutlined />, action: 'dataset.read', page: lazy(() => import('../features/datasets/DatasetsPage')) },
  {
    key: 'company',
    path: '/settings/company',
    labelKey: 'nav.company',
    icon: <SettingOutlined />,
    action: 'company.manage',
    page: lazy(() => import('../features/company/CompanySettingsPage')),
  },
  {
    key: 'calendar-settings',
    path: '/settings/calendar',
    labelKey: 'calendarSettings.nav',
    icon: <ScheduleOutlined />,
    action: 'company.manage',
    page: lazy(() => import('../features/calendar/CalendarSettingsPage')),
  },
  {
    key: 'notification-settings',
    path: '/settings/notifications',
    labelKey: 'notificationSettings.nav',
    icon: <MailOutlined />,
    action: 'company.manage',
    page: lazy(() => import('../features/notifications/NotificationSettingsPage')),
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

export function canSee(action: Action | undefined, user: UserT, beyondSelf = false): boolean {
  if (action === undefined) return true;
  return beyondSelf ? userReachesBeyondSelf(user, action) : userCanAtAll(user, action);
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
