import { CopyOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/api-errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session';
import { useKpiList } from '../kpi/queries';
import type { ApiTokenT, CreatedApiTokenT } from '../results/types';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './queries';
import { ExportTable } from '../../shell/ExportTable';

/** /settings/api-tokens — tokens integrations push actuals with (admins only). The secret is shown once. */
export default function ApiTokensPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const kpis = useKpiList({});
  const [form] = Form.useForm<{ name: string; kpiCodes?: string[] }>();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiTokenT | null>(null);

  const copy = (text: string) => {
    navigator.clipboard.writeText(text).then(
      () => void message.success(t('tokens.copied')),
      () => void message.warning(t('tokens.copyFailed')),
    );
  };

  return (
    <div data-testid="tokens-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('tokens.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="token-new">
          {t('tokens.create')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('tokens.help')}</Typography.Paragraph>
      {created && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setCreated(null) }}
          style={{ marginBottom: 12 }}
          title={t('tokens.createdOnce', { name: created.name })}
          description={
            <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
              <Input readOnly value={created.token} data-testid="token-secret" style={{ fontFamily: 'monospace' }} />
              <Button icon={<CopyOutlined />} onClick={() => copy(created.token)} data-testid="token-copy">
                {t('tokens.copy')}
              </Button>
            </Space.Compact>
          }
        />
      )}
      <Card size="small">
        <ExportTable<ApiTokenT> exportName="api-tokens"
          data-testid="tokens-table"
          size="small"
          rowKey="id"
          loading={tokens.isLoading}
          dataSource={tokens.data ?? []}
          pagination={false}
          locale={{ emptyText: t('tokens.none') }}
          columns={[
            {
              title: t('tokens.name'),
              dataIndex: 'name',
              render: (name: string, tok) => (
                <Space>
                  <KeyOutlined />
                  <span style={tok.revoked ? { textDecoration: 'line-through', color: '#8c8c8c' } : undefined}>{name}</span>
                  {tok.revoked && <Tag>{t('tokens.revoked')}</Tag>}
                </Space>
              ),
            },
            { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
            {
              title: t('tokens.kpis'),
              dataIndex: 'kpiCodes',
              render: (codes: string[]) => (codes.length === 0 ? <Typography.Text type="secondary">{t('tokens.allKpis')}</Typography.Text> : codes.map((c) => <Tag key={c}>{c}</Tag>)),
            },
            { title: t('tokens.createdAt'), dataIndex: 'createdAt', exportType: 'datetime', render: (v: string) => formatDateTime(v, lang) },
            { title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', exportType: 'datetime', render: (v: string | null) => (v ? formatDateTime(v, lang) : '—') },
            {
              key: 'actions',
              align: 'right',
              render: (_: unknown, tok) =>
                !tok.revoked && (
                  <Popconfirm
                    title={t('tokens.revokeConfirm', { name: tok.name })}
                    description={t('tokens.revokeHint')}
                    okText={t('tokens.revoke')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, ...({ 'data-testid': 'token-revoke-ok' } as Record<string, string>) }}
                    onConfirm={() =>
                      revoke.mutateAsync(tok.id).then(
                        () => void message.success(t('tokens.revokedDone')),
                        (e: unknown) => showError(e),
                      )
                    }
                  >
                    <Button danger size="small" data-testid={`token-revoke-${tok.id}`}>
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={open}
        title={t('tokens.create')}
        okText={t('tokens.createOk')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ ...({ 'data-testid': 'token-create-ok' } as Record<string, string>) }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            create.mutate(
              { name: v.name, ...(v.kpiCodes && v.kpiCodes.length > 0 ? { kpiCodes: v.kpiCodes } : {}) },
              {
                onSuccess: (tok) => {
                  setCreated(tok);
                  setOpen(false);
                },
                onError: (e) => showError(e, form, ['name', 'kpiCodes']),
              },
            )
          }
        >
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} placeholder={t('tokens.namePlaceholder')} data-testid="token-name" />
          </Form.Item>
          <Form.Item name="kpiCodes" label={t('tokens.kpis')} extra={t('tokens.kpisHint')}>
            <Select
              mode="multiple"
              allowClear
              data-testid="token-kpis"
              options={(kpis.data ?? []).map((k) => ({ value: k.code, label: `${k.code} – ${lang === 'en' && k.nameEn ? k.nameEn : k.name}` }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
