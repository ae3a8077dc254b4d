import type { MatrixArea } from './matrix-world';

const query = { measures: [{ name: 'n', expression: 'count()' }, { name: 'amount', expression: 'sum(amount)' }], by: ['ordered_at:month'], where: "region = 'Miền Bắc'" };

/**
 * Permission-matrix cases for measures, cohorts and lift (src/server/routes/dataset-queries.ts): action
 * `dataset.read` on the company. `mx_orders` (id, customer, ordered_at, region, amount) is imported at set-up by
 * matrix-datasets.ts; every allowed request must succeed.
 */
export const datasetQueriesArea: MatrixArea = {
  cases: {
    'POST /api/datasets/{name}/query': { action: 'dataset.read', succeeds: true, request: () => ({ method: 'POST', url: '/api/datasets/mx_orders/query', payload: query }) },
    'POST /api/datasets/{name}/cohorts': {
      action: 'dataset.read',
      succeeds: true,
      request: () => ({ method: 'POST', url: '/api/datasets/mx_orders/cohorts', payload: { customer: 'customer', date: 'ordered_at', within: 365, cohort: 'year' } }),
    },
    'POST /api/datasets/{name}/repeat-share': {
      action: 'dataset.read',
      succeeds: true,
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
