import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session';
import { useMarkRead, useNotifications, useUnreadCount, type Notification } from './queries';

/** The bell in the header: the unread count (polled every minute) and the latest notifications with their links. */
export function Bell() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useNotifications({ limit: 8 }, open);
  const markRead = useMarkRead();

  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    setOpen(false);
    if (n.link) void navigate(n.link);
  };

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }} data-testid="bell-panel">
      {latest.data && latest.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />
      ) : (
        <div style={{ maxHeight: 380, overflowY: 'auto' }}>
          {(latest.data?.items ?? []).map((n) => (
            <div
              key={n.id}
              role="button"
              tabIndex={0}
              onClick={() => openItem(n)}
              onKeyDown={(e) => e.key === 'Enter' && openItem(n)}
              style={{ cursor: 'pointer', background: n.readAt ? undefined : '#e6f4ff', padding: '6px 8px', borderBottom: '1px solid #f0f0f0' }}
              data-testid={`bell-item-${n.id}`}
            >
              <div style={{ fontWeight: n.readAt ? 400 : 600, overflowWrap: 'anywhere' }}>{n.title}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt, lang)}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }} wrap>
        <Button size="small" onClick={() => markRead.mutate('all')} disabled={!unread.data} data-testid="bell-mark-all">
          {t('notifications.markAllRead')}
        </Button>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="bell-see-all">
          {t('notifications.seeAll')}
        </Link>
      </Space>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} title={t('notifications.title')}>
      <Button type="text" aria-label={t('notifications.bell', { count: unread.data ?? 0 })} data-testid="bell">
        <Badge count={unread.data ?? 0} size="small" overflowCount={99} data-testid="bell-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
