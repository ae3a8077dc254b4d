import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useSession } from '../../session';
import { ValueInput } from '../kpi/ValueInput';
import { sampleSize } from './marketing-api';

/** How many people to ask in each of the next before/after surveys to detect a given lift (POST /api/campaigns/{id}/sample-size). */
export function SampleSizeHelper({ campaignId, baseline }: { campaignId: number; baseline: number | null }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const ask = useMutation({ mutationFn: (v: { baseline: number; lift: number }) => sampleSize(campaignId, v) });
  return (
    <Form layout="vertical" initialValues={{ baseline: baseline ?? 0.3, lift: 0.05 }} onFinish={(v: { baseline: number; lift: number }) => ask.mutate(v)} data-testid="sample-size-form">
      <Typography.Text strong>{t('marketing.sampleSizeHelper')}</Typography.Text>
      <Space wrap align="end">
        <Form.Item name="baseline" label={t('marketing.sampleBaseline')} rules={[{ required: true }]}>
          <ValueInput unit="%" testId="sample-baseline" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="lift" label={t('marketing.sampleLift')} rules={[{ required: true }]}>
          <ValueInput unit="%" testId="sample-lift" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={ask.isPending} data-testid="sample-size-go">
            {t('marketing.sampleCompute')}
          </Button>
        </Form.Item>
      </Space>
      {ask.data && <Typography.Paragraph data-testid="sample-size-answer">{t('marketing.samplePerSurvey', { n: formatNumber(ask.data.perSurvey, lang, 0) })}</Typography.Paragraph>}
      {ask.error && <Alert type="error" showIcon title={ask.error.message} />}
    </Form>
  );
}
