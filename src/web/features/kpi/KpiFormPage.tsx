import { ArrowLeftOutlined, CheckOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Row, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { KpiStatus } from '../../../core/kpi/types';
import { lettersNotJudged } from '../../../core/smart/pending';
import { ApiError, type IssueT } from '../../api';
import { useShowError } from '../../lib/api-errors';
import { emptyFormValues, formValuesFromKpi, formValuesFromTemplate, toDraftBody, toKpiBody, type KpiFormValues, type TargetRow } from './form-values';
import { KPI_FIELDS } from './kpi-fields';
import { bindingBody, type BindingFormValues } from './binding/BindingFields';
import { saveBinding } from './binding/queries';
import { AccountabilitySection, AlignmentSection, DefinitionSection, MeasurementSection, TargetsSection } from './KpiFormSections';
import { useKpi, useSaveKpi, useTemplates } from './queries';
import { SmartPanel } from './SmartPanel';
import { useSmartCheck } from './useSmartCheck';

const blankRow = (r: TargetRow) => !r.period?.trim() && r.value == null && r.min == null && r.max == null && r.stretch == null;

/** Create (/kpis/new, ?template=id) or edit (/kpis/:code/edit) a KPI, with the live SMART panel beside it. */
export default function KpiFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const { code } = useParams();
  const [search] = useSearchParams();
  const templateId = search.get('template');
  const existing = useKpi(code);
  const templates = useTemplates(Boolean(templateId));
  const [form] = Form.useForm<KpiFormValues>();
  const [ready, setReady] = useState(false);
  const [rejection, setRejection] = useState<{ message: string; issues: IssueT[] } | null>(null);
  const save = useSaveKpi(code);
  const values = Form.useWatch((v: KpiFormValues) => v, { form, preserve: true });
  const smart = useSmartCheck(ready ? values : undefined);
  const editing = existing.data?.kpi;

  useEffect(() => {
    if (ready) return;
    if (code) {
      if (!existing.data) return;
      form.setFieldsValue(formValuesFromKpi(existing.data.kpi));
    } else if (templateId) {
      if (!templates.data) return;
      const tp = templates.data.find((x) => x.id === templateId);
      form.setFieldsValue(tp ? formValuesFromTemplate(tp, new Date().getFullYear()) : emptyFormValues());
    } else {
      form.setFieldsValue(emptyFormValues());
    }
    setReady(true);
  }, [ready, code, existing.data, templateId, templates.data, form]);

  const submit = async (status: KpiStatus) => {
    setRejection(null);
    let v: KpiFormValues;
    try {
      const parentRows = (form.getFieldValue('parents') as KpiFormValues['parents'] | undefined) ?? [];
      await form.validateFields(['code', 'name', ...parentRows.flatMap((_, i) => [['parents', i, 'code'], ['parents', i, 'weight']] as const)]);
      v = form.getFieldsValue(true) as KpiFormValues;
    } catch {
      return;
    }
    // Drop blank rows in the form too, so server paths like targets.1.period point at the right row.
    const targets = (v.targets ?? []).filter((r) => !blankRow(r));
    const parents = (v.parents ?? []).filter((p) => p.code || p.weight != null);
    form.setFieldsValue({ targets, parents });
    try {
      const saved = await save.mutateAsync(toKpiBody({ ...v, targets, parents }, status));
      // A KPI from a dataset: its binding is saved (and its actuals computed) once the KPI exists.
      const binding = v.source === 'dataset' ? bindingBody((v as { binding?: BindingFormValues }).binding) : null;
      if (binding) await saveBinding(saved.kpi.code, binding).catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
      void message.success(t(status === 'active' ? 'kpi.form.activated' : 'kpi.form.saved'));
      void navigate(`/kpis/${saved.kpi.code}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'KPI_NOT_SMART') {
        setRejection({ message: e.message, issues: e.issues });
        return;
      }
      showError(e, form, KPI_FIELDS);
    }
  };

  if (code && existing.error) return <Alert type="error" showIcon title={existing.error.message} />;
  if (!ready) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const isActive = editing?.status === 'active';
  const sectionProps = { form, values: values ?? {}, editing };
  return (
    <div data-testid="kpi-form-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(code ? `/kpis/${code}` : '/kpis')} aria-label={t('kpi.form.back')} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {code ? t('kpi.form.editTitle', { code }) : t('kpi.form.createTitle')}
          </Typography.Title>
        </Space>
        <Space>
          <Button onClick={() => void navigate(code ? `/kpis/${code}` : '/kpis')}>{t('common.cancel')}</Button>
          {!isActive && (
            <Button icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit('draft')} data-testid="kpi-save-draft">
              {t('kpi.form.saveDraft')}
            </Button>
          )}
          <Button type="primary" icon={<CheckOutlined />} loading={save.isPending} onClick={() => void submit('active')} data-testid="kpi-activate">
            {isActive ? t('common.save') : t('kpi.form.activate')}
          </Button>
        </Space>
      </Space>
      <Row gutter={[16, 12]}>
        <Col xs={24} lg={{ flex: '1 1 0' }} style={{ minWidth: 0 }}>
          <Form form={form} layout="vertical" data-testid="kpi-form">
            <DefinitionSection {...sectionProps} />
            <MeasurementSection {...sectionProps} />
            <AccountabilitySection {...sectionProps} />
            <TargetsSection {...sectionProps} />
            <AlignmentSection {...sectionProps} />
          </Form>
        </Col>
        <Col xs={24} lg={{ flex: '360px' }}>
          <div style={{ position: 'sticky', top: 12 }}>
            <SmartPanel
              findings={smart.preview?.findings ?? []}
              summary={smart.preview?.summary}
              checking={smart.checking}
              rejection={rejection}
              pending={lettersNotJudged(toDraftBody(values ?? {}))}
            />
          </div>
        </Col>
      </Row>
    </div>
  );
}
