import { lazy, type ComponentType } from 'react';
import type { Action } from '../../../core/auth/permissions';

/** Dataset pages besides the browser (/datasets is the side-nav entry). */
export const DATASET_ROUTES: readonly { path: string; page: ComponentType; action?: Action }[] = [
  { path: '/datasets/:name', page: lazy(() => import('./DatasetPage')), action: 'dataset.read' },
  { path: '/datasets/:name/import', page: lazy(() => import('./ImportDatasetPage')), action: 'dataset.manage' },
];
