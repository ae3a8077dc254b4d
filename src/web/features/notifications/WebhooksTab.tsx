import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/api-errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session';
import { ExportTable } from '../../shell/ExportTable';
import { useDeleteWebhook, useDeliveries, useSaveWebhook, useTestWebhook, useWebhooks, type Webhook, type WebhookDelivery, type WebhookInput } from './queries';

/** Webhooks: events forwarded to a company's tools, signed; the secret is shown once; each one's delivery log. */
export function WebhooksTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const hooks = useWebhooks();
  const save = useSaveWebhook();
  const remove = useDeleteWebhook();
  const test = useTestWebhook();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const [form] = Form.useForm<WebhookInput>();

  const openEditor = (w: Webhook | 'new') => {
    setEditing(w);
    form.setFieldsValue(w === 'new' ? { name: '', url: '', events: ['kpi.red'], active: true, secret: '' } : { ...w, secret: '' });
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="webhooks">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">{t('notificationSettings.webhooksHelp')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor('new')} data-testid="webhook-new">
          {t('notificationSettings.webhookNew')}
        </Button>
      </Space>
      {secret && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setSecret(null) }}
          title={t('notificationSettings.secretOnce', { name: secret.name })}
          description={<Input readOnly value={secret.secret} style={{ fontFamily: 'monospace' }} data-testid="webhook-secret" />}
        />
      )}
      <ExportTable<Webhook>
        exportName="webhooks"
        data-testid="webhooks-table"
        size="small"
        rowKey="id"
        loading={hooks.isLoading}
        dataSource={hooks.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('notificationSettings.noWebhooks') }}
        columns={[
          { title: t('notificationSettings.name'), dataIndex: 'name' },
          { title: 'URL', dataIndex: 'url', render: (u: string) => <span style={{ overflowWrap: 'anywhere' }}>{u}</span> },
          { title: t('notificationSettings.events'), dataIndex: 'events', render: (ev: string[]) => ev.map((e) => <Tag key={e}>{e}</Tag>) },
          {
            title: t('notificationSettings.active'),
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">{t('notificationSettings.on')}</Tag> : <Tag>{t('notificationSettings.off')}</Tag>),
          },
          {
            key: 'actions',
            render: (_: unknown, w) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => openEditor(w)} data-testid={`webhook-edit-${w.id}`}>
                  {t('notificationSettings.edit')}
                </Button>
                <Button
                  size="small"
                  loading={test.isPending && test.variables === w.id}
                  onClick={() =>
                    test.mutate(w.id, {
                      onSuccess: (d) =>
                        d.status === 'delivered'
                          ? void message.success(t('notificationSettings.pingOk', { code: d.responseCode }))
                          : void message.error(t('notificationSettings.pingFailed', { error: d.lastError ?? '' })),
                      onError: (e) => showError(e),
                    })
                  }
                  data-testid={`webhook-test-${w.id}`}
                >
                  {t('notificationSettings.ping')}
                </Button>
                <Button size="small" onClick={() => setLogOf(w)} data-testid={`webhook-log-${w.id}`}>
                  {t('notificationSettings.log')}
                </Button>
                <Popconfirm
                  title={t('notificationSettings.deleteConfirm', { name: w.name })}
                  okText={t('notificationSettings.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(w.id).catch((e: unknown) => showError(e))}
                >
                  <Button size="small" danger>
                    {t('notificationSettings.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('notificationSettings.webhookNew') : t('notificationSettings.webhookEdit')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<WebhookInput>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            save.mutate(
              { id: editing === 'new' || editing === null ? null : editing.id, body: { ...v, secret: v.secret?.trim() ? v.secret.trim() : undefined } },
              {
                onSuccess: (w) => {
                  if (w.secret) setSecret({ name: w.name, secret: w.secret });
                  setEditing(null);
                },
                onError: (e) => showError(e, form, ['name', 'url', 'events', 'secret']),
              },
            )
          }
        >
          <Form.Item name="name" label={t('notificationSettings.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={200} data-testid="webhook-name" />
          </Form.Item>
          <Form.Item name="url" label="URL" rules={[{ required: true, message: t('common.required') }]} extra={t('notificationSettings.urlHelp')}>
            <Input placeholder="https://chat.example.vn/hooks/kpi" data-testid="webhook-url" />
          </Form.Item>
          <Form.Item name="events" label={t('notificationSettings.events')} rules={[{ required: true, message: t('common.required') }]}>
            <Select mode="multiple" options={(hooks.data?.events ?? []).map((e) => ({ value: e, label: e }))} />
          </Form.Item>
          <Form.Item name="secret" label={t('notificationSettings.secret')} extra={t('notificationSettings.secretHelp')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="active" label={t('notificationSettings.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer open={logOf !== null} onClose={() => setLogOf(null)} title={t('notificationSettings.logOf', { name: logOf?.name ?? '' })} size="large" data-testid="webhook-deliveries">
        {logOf && <DeliveryLog webhookId={logOf.id} />}
      </Drawer>
    </Space>
  );
}

function DeliveryLog({ webhookId }: { webhookId: number }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const log = useDeliveries(webhookId);
  const color = { delivered: 'green', pending: 'orange', failed: 'red' } as const;
  return (
    <ExportTable<WebhookDelivery>
      exportName="webhook-deliveries"
      size="small"
      rowKey="id"
      loading={log.isLoading}
      dataSource={log.data ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('notificationSettings.at'), dataIndex: 'createdAt', exportType: 'datetime', render: (v: string) => formatDateTime(v, lang) },
        { title: t('notificationSettings.events'), dataIndex: 'event' },
        { title: t('notificationSettings.status'), dataIndex: 'status', render: (s: WebhookDelivery['status']) => <Tag color={color[s]}>{t(`notificationSettings.delivery.${s}`)}</Tag> },
        { title: t('notificationSettings.code'), dataIndex: 'responseCode', render: (c: number | null) => c ?? '—' },
        { title: t('notificationSettings.attempts'), dataIndex: 'attempts' },
        { title: t('notificationSettings.nextAttempt'), dataIndex: 'nextAttemptAt', exportType: 'datetime', render: (v: string, d) => (d.status === 'pending' ? formatDateTime(v, lang) : '—') },
        { title: t('notificationSettings.lastError'), dataIndex: 'lastError', render: (e: string | null) => e ?? '—' },
      ]}
    />
  );
}
