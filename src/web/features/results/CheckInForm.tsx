import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/api-errors';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { ValueInput } from '../kpi/ValueInput';
import { canAddTo, valueToSend, type CheckInMode } from './check-in-mode';
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
  const addable = !ratio && canAddTo(kpi.aggregation, existing?.value);
  const [mode, setMode] = useState<CheckInMode>('replace');
  const typed = Form.useWatch('value', form);

  // Picking a period starts from empty fields: the stored value is shown above them, and saving either
  // replaces it or (sum KPIs, "add to the month") adds to it; either way it becomes a new version.
  useEffect(() => {
    form.setFieldsValue({ value: null, numerator: null, denominator: null, comment: '' });
    setMode('replace');
  }, [existing?.id, existing?.version, form]);

  const submit = (v: Values) => {
    const body: CheckInInput = {
      period: v.period,
      scope,
      comment: v.comment?.trim() || null,
      files,
      ...(ratio
        ? { numerator: v.numerator ?? null, denominator: v.denominator ?? null }
        : { value: v.value == null ? null : valueToSend(addable ? mode : 'replace', v.value, existing?.value) }),
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
  const periodName = existing ? periodLabel(existing.period, lang) : '';
  const current = existing ? formatKpiValue(existing.value, kpi.unit, lang) : '';
  const next = existing ? existing.version + 1 : 0;
  const adding = addable && mode === 'add';
  const notice = !existing
    ? null
    : adding
      ? typeof typed === 'number'
        ? t('results.form.addsTotal', { period: periodName, current, amount: formatKpiValue(typed, kpi.unit, lang), total: formatKpiValue(valueToSend('add', typed, existing.value), kpi.unit, lang), version: next })
        : t('results.form.adds', { period: periodName, current, version: next })
      : t('results.form.replaces', { period: periodName, current, version: next });
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
        {existing && (
          <Alert type="info" showIcon data-testid="checkin-notice" title={notice} style={{ marginBottom: 12 }} />
        )}
        {addable && (
          <Form.Item style={{ marginBottom: 12 }}>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value as CheckInMode)}
              optionType="button"
              data-testid="checkin-mode"
              options={[
                { value: 'replace', label: t('results.form.modeReplace') },
                { value: 'add', label: t('results.form.modeAdd', { period: t(`results.form.kindWord.${kind}`) }) },
              ]}
            />
          </Form.Item>
        )}
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
          <Form.Item name="value" label={adding ? t('results.form.amountToAdd') : t('results.actual')} rules={[numberRule]}>
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
