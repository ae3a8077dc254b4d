import { lazy, type ComponentType } from 'react';
import type { Action } from '../../../core/auth/permissions';

/** KPI pages below /kpis that are not side-nav entries (the library itself is in shell/nav.tsx). */
export const KPI_ROUTES: readonly { path: string; page: ComponentType; action?: Action }[] = [
  { path: '/kpis/new', page: lazy(() => import('./KpiFormPage')), action: 'kpi.edit' },
  { path: '/kpis/:code/edit', page: lazy(() => import('./KpiFormPage')), action: 'kpi.edit' },
  { path: '/kpis/:code', page: lazy(() => import('./KpiDetailPage')) },
];
