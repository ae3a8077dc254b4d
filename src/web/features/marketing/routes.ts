import { lazy, type ComponentType } from 'react';
import type { Action } from '../../../core/auth/permissions';

/** Marketing pages besides the channel comparison and campaign list (/marketing is the side-nav entry). */
export const MARKETING_ROUTES: readonly { path: string; page: ComponentType; action?: Action }[] = [
  { path: '/marketing/campaigns/:id', page: lazy(() => import('./CampaignPage')), action: 'marketing.read' },
];
