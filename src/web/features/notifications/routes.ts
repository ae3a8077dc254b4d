import { lazy, type ComponentType } from 'react';
import type { Action } from '../../../core/auth/permissions';

/** Pages of this area besides its side-nav entries (shell/nav.tsx). */
export const NOTIFICATION_ROUTES: readonly { path: string; page: ComponentType; action?: Action }[] = [
  { path: '/notifications', page: lazy(() => import('./NotificationsPage')), action: 'notification.own' },
];
