import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api';
import type { MailSettings, Notification, NotificationList, NotificationPreferences } from '../../../contract/notifications';
import type { Webhook, WebhookDelivery } from '../../../contract/webhooks';

export type { MailSettings, Notification, NotificationPreferences, Webhook, WebhookDelivery };
export type EmailPreference = 'off' | 'immediate' | 'digest';

const BELL = ['notifications'] as const;
/** The bell polls the unread count once a minute. */
const POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...BELL, 'unread'],
    queryFn: () => api<{ unread: number }>('GET', '/api/notifications/unread-count').then((r) => r.unread),
    refetchInterval: POLL_MS,
  });
}

export function useNotifications(q: { unread?: boolean; limit: number }, enabled = true) {
  return useQuery({
    queryKey: [...BELL, 'list', q],
    queryFn: () => api<NotificationList>('GET', `/api/notifications${query({ unread: q.unread ? 'true' : undefined, limit: q.limit })}`),
    enabled,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api<{ marked: number; unread: number }>('POST', '/api/notifications/read', ids === 'all' ? { all: true } : { ids }),
    onSuccess: () => client.invalidateQueries({ queryKey: BELL }),
  });
}

export function usePreferences() {
  return useQuery({ queryKey: ['notification-preferences'], queryFn: () => api<NotificationPreferences>('GET', '/api/notifications/preferences') });
}

export function useSetPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (email: Partial<Record<string, EmailPreference>>) => api<NotificationPreferences>('PUT', '/api/notifications/preferences', { email }),
    onSuccess: (data) => client.setQueryData(['notification-preferences'], data),
  });
}

const MAIL = ['company-mail'] as const;

export function useMailSettings() {
  return useQuery({ queryKey: MAIL, queryFn: () => api<MailSettings>('GET', '/api/company/mail') });
}

export function useSaveMailSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { smtpUrl: string | null; mailFrom: string | null }) => api<MailSettings>('PUT', '/api/company/mail', body),
    onSuccess: (data) => client.setQueryData(MAIL, data),
  });
}

export function useTestMail() {
  return useMutation({
    mutationFn: (body: { smtpUrl?: string; sendTestEmail: boolean }) => api<{ ok: true; sentTo: string | null }>('POST', '/api/company/mail/test', body),
  });
}

const HOOKS = ['webhooks'] as const;

export function useWebhooks() {
  return useQuery({ queryKey: HOOKS, queryFn: () => api<{ items: Webhook[]; events: string[] }>('GET', '/api/webhooks') });
}

export interface WebhookInput {
  name: string;
  url: string;
  events: string[];
  active: boolean;
  secret?: string | undefined;
}

export function useSaveWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: WebhookInput }) =>
      api<Webhook & { secret: string | null }>(id === null ? 'POST' : 'PUT', id === null ? '/api/webhooks' : `/api/webhooks/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: HOOKS }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<{ ok: true }>('DELETE', `/api/webhooks/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: HOOKS }),
  });
}

export function useDeliveries(id: number | null) {
  return useQuery({
    queryKey: [...HOOKS, id, 'deliveries'],
    queryFn: () => api<{ items: WebhookDelivery[] }>('GET', `/api/webhooks/${id}/deliveries`).then((r) => r.items),
    enabled: id !== null,
  });
}

export function useTestWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<WebhookDelivery>('POST', `/api/webhooks/${id}/test`),
    onSuccess: (_d, id) => client.invalidateQueries({ queryKey: [...HOOKS, id, 'deliveries'] }),
  });
}
