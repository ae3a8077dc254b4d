import { SCOPES, scopeQuery, type MatrixArea } from './matrix-world';

/**
 * Permission-matrix cases of the subscription routes (src/server/routes/subscriptions.ts). Everyone manages their
 * own subscriptions (notification.own); subscribing to a scope and reading its digest need `numbers.read` on it.
 * Deleting is always one's own: an id that is not the caller's is 404 for every role (allowed, nothing found).
 */
export const subscriptionsArea: MatrixArea = {
  cases: {
    'GET /api/subscriptions': { succeeds: true, action: 'notification.own', request: () => ({ method: 'GET', url: '/api/subscriptions' }) },
    'POST /api/subscriptions': {
      succeeds: true,
      action: 'numbers.read',
      scopes: SCOPES,
      request: (w, s) => ({ method: 'POST', url: '/api/subscriptions', payload: { report: 'digest', cadence: 'monthly', format: 'pdf', scope: scopeQuery(w, s) } }),
    },
    'DELETE /api/subscriptions/{id}': { action: 'notification.own', request: () => ({ method: 'DELETE', url: '/api/subscriptions/999999' }) },
    'GET /api/reports/digest': {
      succeeds: true,
      action: 'numbers.read',
      scopes: SCOPES,
      request: (w, s) => ({ method: 'GET', url: `/api/reports/digest?period=2026-06&scope=${scopeQuery(w, s)}` }),
    },
  },
};
