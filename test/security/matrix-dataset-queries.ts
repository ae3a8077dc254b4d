import type { MatrixArea } from './matrix-world';

const query = { measures: [{ name: 'n', expression: 'count()' }], by: [], where: "region = 'Miền Bắc'" };

/**
 * Permission-matrix cases for measures, cohorts and lift (src/server/routes/dataset-queries.ts): action
 * `dataset.read` on the company. The matrix world has no dataset yet, so an allowed query answers 404 (after
 * the permission check: an employee gets 403 even for a dataset that does not exist); the lift routes must succeed.
 */
export const datasetQueriesArea: MatrixArea = {
  cases: {
    'POST /api/datasets/{name}/query': { action: 'dataset.read', request: () => ({ method: 'POST', url: '/api/datasets/mx_orders/query', payload: query }) },
    'POST /api/datasets/{name}/cohorts': {
      action: 'dataset.read',
      request: () => ({ method: 'POST', url: '/api/datasets/mx_orders/cohorts', payload: { customer: 'customer', date: 'ordered_at', within: 365, cohort: 'year' } }),
    },
    'POST /api/datasets/{name}/repeat-share': {
      action: 'dataset.read',
      request: () => ({ method: 'POST', url: '/api/datasets/mx_orders/repeat-share', payload: { customer: 'customer', date: 'ordered_at' } }),
    },
    'POST /api/lift': {
      action: 'dataset.read',
      succeeds: true,
      request: () => ({ method: 'POST', url: '/api/lift', payload: { before: { aware: 120, asked: 400 }, after: { aware: 152, asked: 400 } } }),
    },
    'POST /api/lift/sample-size': {
      action: 'dataset.read',
      succeeds: true,
      request: () => ({ method: 'POST', url: '/api/lift/sample-size', payload: { baseline: 0.3, lift: 0.05 } }),
    },
  },
};
