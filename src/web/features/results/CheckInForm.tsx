import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/api-errors';
import { useSession } from '../../session';
import { ValueInput } from '../kpi/ValueInput';
import { kindOfFrequency, periodChoices, periodKeyOf, periodLabel } from './periods';
import { useCheckIn, type CheckInInput } from './queries';
import type { ActualT, KpiSeriesT } from './types';

interface Values {
  period: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  comment?: string;
}

const HOW_FAR_BACK: Record<string, number> = { week: 12, month: 12, quarter: 8, year: 3 };
const FIELDS = ['period', 'value', 'numerator', 'denominator', 'comment'];

interface Props {
  kpi: KpiSeriesT['kpi'];
  scope: NonNullable<CheckInInput['scope']>;
  today: string;
  actuals: ActualT[];
}

/** Report the actual of one period (cập nhật kết quả): value or numerator/denominator, comment, evidence. */
export function CheckInForm({ kpi, scope, today, actuals }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const save = useCheckIn(kpi.code);
  const ratio = kpi.aggregation === 'ratio';
  const kind = kindOfFrequency(kpi.frequency);
  const choices = useMemo(() => periodChoices(kind, today, HOW_FAR_BACK[kind] ?? 12), [kind, today]);
  const period = Form.useWatch('period', form);
  const existing = actuals.find((a) => a.period === period);

  // Picking a period that already has a number starts from that number (a correction keeps a new version).
  useEffect(() => {
    form.setFieldsValue({
      value: existing && !ratio ? existing.value : null,
      numerator: existing?.numerator ?? null,
      denominator: existing?.denominator ?? null,
      comment: existing?.comment ?? '',
    });
  }, [existing, ratio, form]);

  const submit = (v: Values) => {
    const body: CheckInInput = {
      period: v.period,
      scope,
      comment: v.comment?.trim() || null,
      files,
      ...(ratio ? { numerator: v.numerator ?? null, denominator: v.denominator ?? null } : { value: v.value ?? null }),
    };
    save.mutate(body, {
      onSuccess: (a) => {
        void message.success(t('results.form.saved', { period: periodLabel(a.period, lang) }));
        setFiles([]);
      },
      onError: (e) => showError(e, form, FIELDS),
    });
  };

  const numberRule = { required: true, message: t('common.required') };
  return (
    <Card size="small" title={t('results.form.title')} data-testid="checkin-form">
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ period: periodKeyOf(today, kind) }} requiredMark={false}>
        <Form.Item name="period" label={t('results.period')} rules={[numberRule]}>
          <Select
            data-testid="checkin-period"
            showSearch={{ optionFilterProp: 'label' }}
            options={choices.map((k) => ({
              value: k,
              label: periodLabel(k, lang) + (actuals.some((a) => a.period === k) ? ` ✓` : ''),
            }))}
          />
        </Form.Item>
        {ratio ? (
          <>
            <Form.Item name="numerator" label={t('results.numerator')} rules={[numberRule]}>
              <ValueInput testId="checkin-numerator" />
            </Form.Item>
            <Form.Item name="denominator" label={t('results.denominator')} rules={[numberRule]}>
              <ValueInput testId="checkin-denominator" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="value" label={t('results.actual')} rules={[numberRule]} extra={existing ? t('results.form.correcting', { version: existing.version }) : undefined}>
            <ValueInput unit={kpi.unit} testId="checkin-value" />
          </Form.Item>
        )}
        <Form.Item name="comment" label={t('results.comment')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="checkin-comment" />
        </Form.Item>
        <Form.Item label={t('results.evidence')} extra={t('results.form.evidenceHint')}>
          <Upload
            multiple
            accept=".pdf,.png,.jpg,.jpeg,.webp,.xlsx,.docx,.csv,.txt"
            fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
            beforeUpload={(f) => {
              setFiles((prev) => [...prev, f]);
              return false;
            }}
            onRemove={(item) => setFiles((prev) => prev.filter((_, i) => String(i) !== item.uid))}
          >
            <Button icon={<UploadOutlined />} data-testid="checkin-evidence">
              {t('results.form.attach')}
            </Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block data-testid="checkin-save">
          {t('results.form.save')}
        </Button>
      </Form>
    </Card>
  );
}
