import { lazy, type ComponentType } from 'react';
import type { Action } from '../../../core/auth/permissions';

/** Pages of this area besides its side-nav entries (shell/nav.tsx). */
export const REPORT_ROUTES: readonly { path: string; page: ComponentType; action?: Action }[] = [
  { path: '/reports/digest', page: lazy(() => import('../subscriptions/DigestPage')), action: 'numbers.read' },
];
