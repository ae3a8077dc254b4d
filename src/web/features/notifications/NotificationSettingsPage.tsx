import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MailSettingsTab } from './MailSettingsTab';
import { WebhooksTab } from './WebhooksTab';

/** /settings/notifications — the e-mail (SMTP) settings with a connection test, and webhooks with their delivery log (admins). */
export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="notificationSettings-page">
      <Typography.Title level={3}>{t('notificationSettings.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'mail', label: t('notificationSettings.mailTab'), children: <MailSettingsTab /> },
          { key: 'webhooks', label: t('notificationSettings.webhooksTab'), children: <WebhooksTab /> },
        ]}
      />
    </div>
  );
}
