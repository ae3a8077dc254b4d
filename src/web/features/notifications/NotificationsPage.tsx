import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NOTIFICATION_CATEGORIES } from '../../../core/notifications/category';
import { useShowError } from '../../lib/api-errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session';
import { useMarkRead, useNotifications, usePreferences, useSetPreferences, type EmailPreference } from './queries';

const PAGE = 30;

/** /notifications — one's own notifications (the bell opens them) and e-mail preferences. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="notifications-page">
      <Typography.Title level={3}>{t('notifications.title')}</Typography.Title>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <NotificationList />
        <EmailPreferences />
      </Space>
    </div>
  );
}

function NotificationList() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const list = useNotifications({ unread: unreadOnly, limit });
  const markRead = useMarkRead();
  const showError = useShowError();
  const items = list.data?.items ?? [];

  return (
    <Card
      size="small"
      title={
        <Segmented
          size="small"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setUnreadOnly(v === 'unread')}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.unreadCount', { count: list.data?.unread ?? 0 }) },
          ]}
          data-testid="notifications-filter"
        />
      }
      extra={
        <Button size="small" icon={<CheckOutlined />} disabled={!list.data?.unread} onClick={() => markRead.mutate('all', { onError: (e) => showError(e) })} data-testid="notifications-mark-all">
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      {items.length === 0 && !list.isLoading ? (
        <Empty description={t('notifications.none')} />
      ) : (
        <div data-testid="notifications-list">
          {items.map((n) => (
            <div
              key={n.id}
              style={{ background: n.readAt ? undefined : '#e6f4ff', padding: '8px', borderBottom: '1px solid #f0f0f0', display: 'flex', gap: 8, alignItems: 'flex-start' }}
              data-testid={`notification-${n.id}`}
            >
              <div style={{ flex: 1, minWidth: 0 }}>
                <div style={{ fontWeight: n.readAt ? 400 : 600, overflowWrap: 'anywhere' }}>{n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</div>
                <div style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', color: 'rgba(0,0,0,0.65)' }}>{n.body}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`notifications.category.${n.category}`)} · {formatDateTime(n.createdAt, lang)}
                </Typography.Text>
              </div>
              {!n.readAt && (
                <Button size="small" type="link" onClick={() => markRead.mutate([n.id])} data-testid={`notification-read-${n.id}`}>
                  {t('notifications.markRead')}
                </Button>
              )}
            </div>
          ))}
        </div>
      )}
      {items.length >= limit && (
        <Button block onClick={() => setLimit(Math.min(limit + PAGE, 100))} disabled={limit >= 100}>
          {t('notifications.more')}
        </Button>
      )}
    </Card>
  );
}

function EmailPreferences() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const prefs = usePreferences();
  const save = useSetPreferences();
  const options: { value: EmailPreference; label: string }[] = [
    { value: 'immediate', label: t('notifications.pref.immediate') },
    { value: 'digest', label: t('notifications.pref.digest') },
    { value: 'off', label: t('notifications.pref.off') },
  ];
  return (
    <Card size="small" title={t('notifications.emailTitle')} data-testid="email-preferences" loading={prefs.isLoading}>
      {prefs.data && (
        <Typography.Paragraph type="secondary">{t('notifications.emailHelp', { address: prefs.data.address })}</Typography.Paragraph>
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {NOTIFICATION_CATEGORIES.map((c) => (
          <div key={c} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
            <div style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Typography.Text strong>{t(`notifications.category.${c}`)}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`notifications.categoryHelp.${c}`)}
              </Typography.Text>
            </div>
            <Select<EmailPreference>
              style={{ width: 190 }}
              value={prefs.data?.email[c]}
              options={options}
              data-testid={`pref-${c}`}
              onChange={(v) => save.mutate({ [c]: v }, { onSuccess: () => void message.success(t('notifications.saved')), onError: (e) => showError(e) })}
            />
          </div>
        ))}
      </Space>
    </Card>
  );
}
