import type { ComponentType } from 'react';
import type { Action } from '../../../core/auth/permissions';

/** Pages of this area besides its side-nav entries (shell/nav.tsx). */
export const CALENDAR_ROUTES: readonly { path: string; page: ComponentType; action?: Action }[] = [
];
