import { expect } from 'vitest';
import type { MatrixArea } from './matrix-world';

const hook = (n: number) => ({ name: `Chat ${n}`, url: 'http://127.0.0.1:1/hook', events: ['kpi.red'], active: true });

/**
 * Permission-matrix cases of the notification routes (src/server/routes/notifications.ts, webhooks.ts): the bell
 * and e-mail preferences are `notification.own` (every role, always one's own); the company's SMTP settings are
 * `company.manage`; webhooks are `webhook.manage`. At set-up the admin creates two webhooks (one to edit and test,
 * one to delete) pointing at a port with nothing listening.
 */
export const notificationsArea: MatrixArea = {
  cases: {
    'GET /api/notifications': { succeeds: true, action: 'notification.own', request: () => ({ method: 'GET', url: '/api/notifications?unread=true&limit=5' }) },
    'GET /api/notifications/unread-count': { succeeds: true, action: 'notification.own', request: () => ({ method: 'GET', url: '/api/notifications/unread-count' }) },
    'POST /api/notifications/read': { succeeds: true, action: 'notification.own', request: () => ({ method: 'POST', url: '/api/notifications/read', payload: { all: true } }) },
    'GET /api/notifications/preferences': { succeeds: true, action: 'notification.own', request: () => ({ method: 'GET', url: '/api/notifications/preferences' }) },
    'PUT /api/notifications/preferences': {
      succeeds: true,
      action: 'notification.own',
      request: () => ({ method: 'PUT', url: '/api/notifications/preferences', payload: { email: { reports: 'digest' } } }),
    },
    'GET /api/company/mail': { succeeds: true, action: 'company.manage', request: () => ({ method: 'GET', url: '/api/company/mail' }) },
    'PUT /api/company/mail': {
      succeeds: true,
      action: 'company.manage',
      request: () => ({ method: 'PUT', url: '/api/company/mail', payload: { smtpUrl: 'smtp://kpi:bí-mật@127.0.0.1:1', mailFrom: 'kpi@minhan.vn' } }),
    },
    // allowed = a 4xx naming the cause (nothing listens on port 1), never a 403
    'POST /api/company/mail/test': { action: 'company.manage', request: () => ({ method: 'POST', url: '/api/company/mail/test', payload: { smtpUrl: 'smtp://127.0.0.1:1' } }) },
    'GET /api/webhooks': { succeeds: true, action: 'webhook.manage', request: () => ({ method: 'GET', url: '/api/webhooks' }) },
    'POST /api/webhooks': { succeeds: true, action: 'webhook.manage', request: (_w, _s, _k, n) => ({ method: 'POST', url: '/api/webhooks', payload: hook(n) }) },
    'PUT /api/webhooks/{id}': {
      succeeds: true,
      action: 'webhook.manage',
      request: (w, _s, _k, n) => ({ method: 'PUT', url: `/api/webhooks/${w.ids.get('webhook|edit')}`, payload: hook(n) }),
    },
    'DELETE /api/webhooks/{id}': { succeeds: true, action: 'webhook.manage', request: (w) => ({ method: 'DELETE', url: `/api/webhooks/${w.ids.get('webhook|delete')}` }) },
    'GET /api/webhooks/{id}/deliveries': { succeeds: true, action: 'webhook.manage', request: (w) => ({ method: 'GET', url: `/api/webhooks/${w.ids.get('webhook|edit')}/deliveries` }) },
    'POST /api/webhooks/{id}/test': { succeeds: true, action: 'webhook.manage', request: (w) => ({ method: 'POST', url: `/api/webhooks/${w.ids.get('webhook|edit')}/test` }) },
  },
  async setup(admin, w) {
    for (const key of ['edit', 'delete']) {
      const res = await admin.post('/api/webhooks', { ...hook(0), name: `Matrix ${key}` });
      expect(res.statusCode, res.body).toBe(201);
      w.ids.set(`webhook|${key}`, res.json().id as number);
    }
  },
};
