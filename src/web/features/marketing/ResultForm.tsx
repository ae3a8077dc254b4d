import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { marketingKeys, saveResults, type CampaignT } from './marketing-api';

interface Values {
  channelId: number;
  period: string;
  recipients: number;
  responses: number;
  cost?: number;
  acquisitions?: number;
  revenue?: number;
}

/** One channel's month of results (a month entered again replaces the stored one). */
export function ResultForm({ campaign }: { campaign: CampaignT }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => saveResults(campaign.id, [{ ...v, cost: v.cost ?? 0, acquisitions: v.acquisitions ?? 0, revenue: v.revenue ?? 0 }]),
    onSuccess: () => client.invalidateQueries({ queryKey: marketingKeys.campaign(campaign.id) }),
  });
  const number = (name: keyof Values, label: string, required = false) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true }] : []}>
      <InputNumber min={0} style={{ width: 140 }} data-testid={`result-${name}`} />
    </Form.Item>
  );
  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="result-form">
      <Space wrap align="end">
        <Form.Item name="channelId" label={t('marketing.channel')} rules={[{ required: true }]}>
          <Select style={{ width: 160 }} options={campaign.channels.map((c) => ({ value: c.channelId, label: c.channelName }))} data-testid="result-channel" />
        </Form.Item>
        <Form.Item name="period" label={t('marketing.month')} rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: 'YYYY-MM' }]}>
          <Input placeholder={campaign.startDate.slice(0, 7)} style={{ width: 110 }} data-testid="result-period" />
        </Form.Item>
        {number('recipients', t('marketing.recipients'), true)}
        {number('responses', t('marketing.responses'), true)}
        {number('cost', t('marketing.cost'))}
        {number('acquisitions', t('marketing.acquisitions'))}
        {number('revenue', t('marketing.revenue'))}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="result-save">
            {t('marketing.saveResult')}
          </Button>
        </Form.Item>
      </Space>
      {save.error && <Alert type="error" showIcon title={save.error.message} data-testid="result-error" />}
    </Form>
  );
}
