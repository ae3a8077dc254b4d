import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { createChannel, listChannels, marketingKeys, renameChannel } from './marketing-api';

/** The channels: rename one in place (its code stays), or add one with a code and a name (Facebook, Zalo OA, an agency …). */
export function ChannelForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const channels = useQuery({ queryKey: marketingKeys.channels, queryFn: listChannels });
  const rename = useMutation({
    mutationFn: (v: { id: number; name: string }) => renameChannel(v.id, v.name),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: marketingKeys.channels });
      await client.invalidateQueries({ queryKey: marketingKeys.comparison });
    },
  });
  const save = useMutation({
    mutationFn: createChannel,
    onSuccess: async () => {
      form.resetFields();
      await client.invalidateQueries({ queryKey: marketingKeys.channels });
      await client.invalidateQueries({ queryKey: marketingKeys.comparison });
    },
  });
  return (
    <>
    <List
      size="small"
      data-testid="channel-list"
      style={{ marginBottom: 12 }}
      dataSource={channels.data?.items ?? []}
      renderItem={(c) => (
        <List.Item key={c.id}>
          <Space wrap>
            <Typography.Text type="secondary">{c.code}</Typography.Text>
            <Typography.Text
              data-testid={`channel-name-${c.code}`}
              editable={{ onChange: (name) => name.trim() && name !== c.name && rename.mutate({ id: c.id, name: name.trim() }), tooltip: t('marketing.form.rename') }}
            >
              {c.name}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
    {rename.error && <Alert type="error" showIcon title={rename.error.message} style={{ marginBottom: 12 }} />}
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="channel-form">
      <Space wrap align="end">
        <Form.Item name="code" label={t('marketing.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,40}$/, message: t('marketing.form.codeRule') }]}>
          <Input style={{ width: 150 }} data-testid="channel-code" />
        </Form.Item>
        <Form.Item name="name" label={t('marketing.channel')} rules={[{ required: true, whitespace: true }]}>
          <Input style={{ width: 200 }} data-testid="channel-name" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="channel-save">
            {t('marketing.form.addChannelButton')}
          </Button>
        </Form.Item>
      </Space>
      {save.error && <Alert type="error" showIcon title={save.error.message} data-testid="channel-error" />}
      {save.isSuccess && <Alert type="success" showIcon title={t('marketing.form.channelAdded', { name: save.data.name })} data-testid="channel-added" />}
    </Form>
    </>
  );
}
