import { lazy, type ComponentType } from 'react';
import type { Action } from '../../../core/auth/permissions';

/** People-evaluation pages that are not side-nav entries (the nav has /my-evaluation and /appraisal). */
export const APPRAISAL_ROUTES: readonly { path: string; page: ComponentType; action?: Action }[] = [
  { path: '/appraisal/templates', page: lazy(() => import('./templates/TemplatesPage')), action: 'appraisal.setup' },
  { path: '/appraisal/cycles/:id', page: lazy(() => import('./cycles/CyclePage')) },
  { path: '/appraisal/sheets/:id', page: lazy(() => import('./sheet/SheetPage')) },
];
