import type { NotificationCategory } from '../../core/notifications/category';

/** How a user wants the e-mails of a category: none, one per notification, or gathered in the daily digest. */
export type EmailPreference = 'off' | 'immediate' | 'digest';

export interface NotificationRecord {
  id: string;
  category: NotificationCategory;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NewNotification {
  userId: number;
  category: NotificationCategory;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string | null;
  createdAt: Date;
  /** Set when the e-mail is not left for the digest (sent now, or not wanted), so the digest skips it. */
  digestedAt: Date | null;
}

/** A notification waiting for a user's daily digest e-mail. */
export interface DigestItem {
  id: string;
  userId: number;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
}

/** In-app notifications and each user's e-mail preferences. */
export interface NotificationsStore {
  /** Inserts the notification; null when the user already has one with the same dedupe key. */
  insert(n: NewNotification): Promise<{ id: string } | null>;
  /** Which of these (user, dedupe key) pairs are already used, as `userId|key`: one query for a whole job's worth. */
  usedDedupeKeys(pairs: readonly { userId: number; dedupeKey: string }[]): Promise<Set<string>>;
  list(userId: number, q: { unreadOnly: boolean; limit: number; beforeId?: string | undefined }): Promise<NotificationRecord[]>;
  unreadCount(userId: number): Promise<number>;
  /** Marks the user's own notifications read (`ids` null = all); returns how many changed. */
  markRead(userId: number, ids: string[] | null, now: Date): Promise<number>;
  /** The stored choices of a user (categories without a row are absent). */
  preferences(userId: number): Promise<Partial<Record<NotificationCategory, EmailPreference>>>;
  setPreferences(userId: number, prefs: Partial<Record<NotificationCategory, EmailPreference>>): Promise<void>;
  /**
   * Notifications created before `before` not yet carried by a digest, oldest first, at most `limit`, locked for this
   * transaction (FOR UPDATE SKIP LOCKED: another instance running the digest at the same time skips them).
   */
  undigested(before: Date, limit: number): Promise<DigestItem[]>;
  markDigested(ids: string[], now: Date): Promise<void>;
}
