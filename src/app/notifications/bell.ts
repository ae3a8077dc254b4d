import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '../../core/notifications/category';
import type { Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import type { Store } from '../ports';
import type { EmailPreference, NotificationRecord } from './ports';
import { emailPreferenceOf } from './preferences';

// Every function here works on the actor's own notifications only: the user id comes from the session, never the request.

export async function listMyNotifications(
  store: Store,
  actor: Actor,
  q: { unreadOnly: boolean; limit: number; beforeId?: string | undefined },
): Promise<{ items: NotificationRecord[]; unread: number }> {
  policy.require(actor, 'notification.own', COMPANY);
  const [items, unread] = await Promise.all([store.notifications.list(actor.user.id, q), store.notifications.unreadCount(actor.user.id)]);
  return { items, unread };
}

export async function myUnreadCount(store: Store, actor: Actor): Promise<number> {
  policy.require(actor, 'notification.own', COMPANY);
  return store.notifications.unreadCount(actor.user.id);
}

/** Marks the given notifications (only the actor's own; others' ids are ignored) or all of them read. */
export async function markMyNotificationsRead(store: Store, actor: Actor, ids: string[] | null, now: Date): Promise<{ marked: number; unread: number }> {
  policy.require(actor, 'notification.own', COMPANY);
  const marked = await store.notifications.markRead(actor.user.id, ids, now);
  return { marked, unread: await store.notifications.unreadCount(actor.user.id) };
}

export async function myEmailPreferences(store: Store, actor: Actor): Promise<{ email: Record<NotificationCategory, EmailPreference>; address: string }> {
  policy.require(actor, 'notification.own', COMPANY);
  const stored = await store.notifications.preferences(actor.user.id);
  const email = Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, emailPreferenceOf(stored, c)])) as Record<NotificationCategory, EmailPreference>;
  return { email, address: actor.user.email };
}

export async function setMyEmailPreferences(store: Store, actor: Actor, prefs: Partial<Record<NotificationCategory, EmailPreference>>) {
  policy.require(actor, 'notification.own', COMPANY);
  await store.notifications.setPreferences(actor.user.id, prefs);
  return myEmailPreferences(store, actor);
}
