import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getMailSettings, saveMailSettings, testMailConnection } from '../../app/mail/manage-settings';
import { listMyNotifications, markMyNotificationsRead, myEmailPreferences, myUnreadCount, setMyEmailPreferences } from '../../app/notifications/bell';
import {
  MailSettings,
  MailTestBody,
  MailTestResult,
  MarkReadBody,
  MarkReadResult,
  NotificationList,
  NotificationPreferences,
  NotificationsQuery,
  UnreadCount,
  UpdateMailSettingsBody,
  UpdatePreferencesBody,
} from '../../contract/notifications';
import { requireActor, type ServerDeps } from '../context';

/** The bell (one's own notifications), e-mail preferences, and the company's e-mail (SMTP) settings. */
export function notificationRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    const tags = ['notifications'];
    app.get('/notifications', { schema: { tags, querystring: NotificationsQuery, response: { 200: NotificationList } } }, async (req) =>
      listMyNotifications(store, requireActor(req), { unreadOnly: req.query.unread === 'true', limit: req.query.limit, beforeId: req.query.before }),
    );
    app.get('/notifications/unread-count', { schema: { tags, response: { 200: UnreadCount } } }, async (req) => ({
      unread: await myUnreadCount(store, requireActor(req)),
    }));
    app.post('/notifications/read', { schema: { tags, body: MarkReadBody, response: { 200: MarkReadResult } } }, async (req) =>
      markMyNotificationsRead(store, requireActor(req), 'ids' in req.body ? req.body.ids : null, deps.now()),
    );
    app.get('/notifications/preferences', { schema: { tags, response: { 200: NotificationPreferences } } }, async (req) =>
      myEmailPreferences(store, requireActor(req)),
    );
    app.put('/notifications/preferences', { schema: { tags, body: UpdatePreferencesBody, response: { 200: NotificationPreferences } } }, async (req) =>
      setMyEmailPreferences(store, requireActor(req), req.body.email),
    );

    app.get('/company/mail', { schema: { tags, response: { 200: MailSettings } } }, async (req) => getMailSettings(store, requireActor(req)));
    app.put('/company/mail', { schema: { tags, body: UpdateMailSettingsBody, response: { 200: MailSettings } } }, async (req) =>
      saveMailSettings(store, requireActor(req), req.body),
    );
    app.post('/company/mail/test', { schema: { tags, body: MailTestBody, response: { 200: MailTestResult } } }, async (req) =>
      testMailConnection(store, requireActor(req), req.body),
    );
  };
}
