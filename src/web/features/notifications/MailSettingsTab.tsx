import { Alert, App, Button, Checkbox, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/api-errors';
import { useMailSettings, useSaveMailSettings, useTestMail } from './queries';

interface Values {
  smtpUrl: string;
  mailFrom: string;
}

/** The SMTP URL and sender (the password comes back masked), the environment's override, the outbox, a connection test. */
export function MailSettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const settings = useMailSettings();
  const save = useSaveMailSettings();
  const test = useTestMail();
  const [form] = Form.useForm<Values>();
  const [sendTestEmail, setSendTestEmail] = useState(false);
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const data = settings.data;

  useEffect(() => {
    if (data) form.setFieldsValue({ smtpUrl: data.smtpUrl ?? '', mailFrom: data.mailFrom ?? '' });
  }, [data, form]);

  const runTest = () => {
    const url = (form.getFieldValue('smtpUrl') as string | undefined)?.trim();
    setTestResult(null);
    test.mutate(
      { ...(url && !data?.fromEnv.smtpUrl ? { smtpUrl: url } : {}), sendTestEmail },
      {
        onSuccess: (r) => setTestResult({ ok: true, text: r.sentTo ? t('notificationSettings.testSent', { to: r.sentTo }) : t('notificationSettings.testOk') }),
        onError: (e) => setTestResult({ ok: false, text: e instanceof Error ? e.message : String(e) }),
      },
    );
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="mail-settings">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('notificationSettings.mailHelp')}
      </Typography.Paragraph>
      {data && (data.fromEnv.smtpUrl || data.fromEnv.mailFrom) && (
        <Alert type="info" showIcon title={t('notificationSettings.fromEnv')} description={t('notificationSettings.fromEnvHelp')} data-testid="mail-from-env" />
      )}
      {data && data.outbox.pending > 0 && !data.effective.smtpUrl && (
        <Alert type="warning" showIcon title={t('notificationSettings.waiting', { count: data.outbox.pending })} data-testid="mail-waiting" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={(v) =>
          save.mutate(
            { smtpUrl: v.smtpUrl.trim() || null, mailFrom: v.mailFrom.trim() || null },
            { onSuccess: () => void message.success(t('notificationSettings.saved')), onError: (e) => showError(e, form, ['smtpUrl', 'mailFrom']) },
          )
        }
      >
        <Form.Item name="smtpUrl" label={t('notificationSettings.smtpUrl')} extra={t('notificationSettings.smtpUrlHelp')}>
          <Input placeholder="smtp://user:password@mail.example.vn:587" disabled={data?.fromEnv.smtpUrl} data-testid="mail-smtp-url" autoComplete="off" />
        </Form.Item>
        <Form.Item name="mailFrom" label={t('notificationSettings.mailFrom')} extra={t('notificationSettings.mailFromHelp')}>
          <Input placeholder="OpenKPI <kpi@example.vn>" disabled={data?.fromEnv.mailFrom} data-testid="mail-from" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="mail-save">
            {t('common.save')}
          </Button>
          <Button onClick={runTest} loading={test.isPending} data-testid="mail-test">
            {t('notificationSettings.test')}
          </Button>
          <Checkbox checked={sendTestEmail} onChange={(e) => setSendTestEmail(e.target.checked)}>
            {t('notificationSettings.sendTestEmail')}
          </Checkbox>
        </Space>
      </Form>
      {testResult && <Alert type={testResult.ok ? 'success' : 'error'} showIcon title={testResult.text} data-testid="mail-test-result" />}
      {data && (
        <Descriptions size="small" bordered column={1} style={{ maxWidth: 640 }} title={t('notificationSettings.inForce')}>
          <Descriptions.Item label={t('notificationSettings.smtpUrl')}>
            <span style={{ overflowWrap: 'anywhere' }}>{data.effective.smtpUrl ?? t('notificationSettings.notSet')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('notificationSettings.mailFrom')}>
            <span style={{ overflowWrap: 'anywhere' }}>{data.effective.mailFrom}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('notificationSettings.outbox')}>
            <span data-testid="mail-outbox">{t('notificationSettings.outboxCounts', data.outbox)}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
}
