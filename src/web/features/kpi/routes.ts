import { lazy, type ComponentType } from 'react';
import type { Role } from '../../../core/auth/roles';

/** KPI pages below /kpis that are not side-nav entries (the library itself is in shell/nav.tsx). */
export const KPI_ROUTES: readonly { path: string; page: ComponentType; roles?: readonly Role[] }[] = [
  { path: '/kpis/new', page: lazy(() => import('./KpiFormPage')), roles: ['admin', 'manager'] },
  { path: '/kpis/:code/edit', page: lazy(() => import('./KpiFormPage')), roles: ['admin', 'manager'] },
  { path: '/kpis/:code', page: lazy(() => import('./KpiDetailPage')) },
];
