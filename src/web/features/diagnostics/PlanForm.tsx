import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ACTION_PLAN_STATUSES, ACTION_PLAN_STATUS_LABELS } from '../../../core/diagnostics';
import { usePeople } from '../org/queries';
import { useSession } from '../../session';
import type { PlanWrite } from './queries';

interface Values {
  fact?: string;
  cause?: string;
  action: string;
  ownerPersonId?: number | null;
  due?: Dayjs | null;
  status: PlanWrite['status'];
}

/** Fact → cause → action, owner, due date (dd/mm/yyyy), status. */
export function PlanForm({ onSubmit, busy }: { onSubmit(plan: PlanWrite): Promise<unknown>; busy: boolean }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [form] = Form.useForm<Values>();
  const people = usePeople({ limit: 500, offset: 0 });
  const submit = async (v: Values) => {
    await onSubmit({
      fact: v.fact?.trim() || null,
      cause: v.cause?.trim() || null,
      action: v.action.trim(),
      ownerPersonId: v.ownerPersonId ?? null,
      dueOn: v.due ? v.due.format('YYYY-MM-DD') : null,
      status: v.status,
    });
    form.resetFields();
  };
  return (
    <Form form={form} layout="vertical" size="small" initialValues={{ status: 'open' }} onFinish={submit} data-testid="plan-form">
      <Form.Item name="fact" label={t('diagnostics.plan.fact')}>
        <Input.TextArea autoSize maxLength={4000} data-testid="plan-fact" />
      </Form.Item>
      <Form.Item name="cause" label={t('diagnostics.plan.cause')}>
        <Input.TextArea autoSize maxLength={4000} />
      </Form.Item>
      <Form.Item name="action" label={t('diagnostics.plan.action')} rules={[{ required: true, whitespace: true, message: t('diagnostics.plan.actionRequired') }]}>
        <Input.TextArea autoSize maxLength={4000} data-testid="plan-action" />
      </Form.Item>
      <Form.Item name="ownerPersonId" label={t('diagnostics.plan.owner')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
          data-testid="plan-owner"
        />
      </Form.Item>
      <Form.Item name="due" label={t('diagnostics.plan.due')}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="plan-due" minDate={dayjs('2000-01-01')} />
      </Form.Item>
      <Form.Item name="status" label={t('diagnostics.plan.status')}>
        <Select options={ACTION_PLAN_STATUSES.map((s) => ({ value: s, label: ACTION_PLAN_STATUS_LABELS[s][lang] }))} />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={busy} data-testid="plan-add">
        {t('diagnostics.plan.add')}
      </Button>
    </Form>
  );
}
