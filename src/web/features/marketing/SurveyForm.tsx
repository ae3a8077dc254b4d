import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { marketingKeys, saveSurvey } from './marketing-api';

interface Values {
  phase: 'before' | 'after';
  takenOn: string;
  aware: number;
  asked: number;
}

/** Entering a before/after awareness survey: how many were aware out of how many asked. */
export function SurveyForm({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => saveSurvey(campaignId, v.phase, { takenOn: v.takenOn, aware: v.aware, asked: v.asked }),
    onSuccess: (a) => client.setQueryData(marketingKeys.awareness(campaignId), a),
  });
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ phase: 'after' }} onFinish={(v) => save.mutate(v)} data-testid="survey-form">
      <Space wrap align="end">
        <Form.Item name="phase" label={t('marketing.surveyPhase')} rules={[{ required: true }]}>
          <Select style={{ width: 140 }} options={(['before', 'after'] as const).map((p) => ({ value: p, label: t(`marketing.phase.${p}`) }))} />
        </Form.Item>
        <Form.Item name="takenOn" label={t('marketing.takenOn')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
          <Input placeholder="2026-12-01" style={{ width: 140 }} data-testid="survey-date" />
        </Form.Item>
        <Form.Item name="aware" label={t('marketing.aware')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} data-testid="survey-aware" />
        </Form.Item>
        <Form.Item name="asked" label={t('marketing.asked')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} data-testid="survey-asked" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="survey-save">
            {t('marketing.saveSurvey')}
          </Button>
        </Form.Item>
      </Space>
      {save.error && <Alert type="error" showIcon title={save.error.message} />}
    </Form>
  );
}
